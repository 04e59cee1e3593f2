// ==== kernel heapKernel ====
// not emitted: the WGSL target does not support the device heap ('new' or malloc)

