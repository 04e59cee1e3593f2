// ==== kernel dotDouble ====
// not emitted: the WGSL target does not support 'double' (WebGPU has no 64-bit floats)

// ==== kernel kahanSum ====
// not emitted: the WGSL target does not support 'double' (WebGPU has no 64-bit floats)

