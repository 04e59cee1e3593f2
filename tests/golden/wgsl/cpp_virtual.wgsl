// ==== kernel shapesKernel ====
// not emitted: the WGSL target does not support the device heap ('new' or malloc)

// ==== kernel fnptrKernel ====
// not emitted: the WGSL target does not support taking the address of a function (pointers to functions)

// ==== kernel arrayKernel ====
// not emitted: the WGSL target does not support the device heap ('new' or malloc)

// ==== kernel interfacesKernel ====
// not emitted: the WGSL target does not support the device heap ('new' or malloc)

