// ==== kernel contendGlobal ====
// not emitted: the WGSL target does not support 'double' (WebGPU has no 64-bit floats)

// ==== kernel hotAdd ====
// not emitted: the WGSL target does not support 'double' (WebGPU has no 64-bit floats)

// ==== kernel contendShared ====
// not emitted: the WGSL target does not support 'double' (WebGPU has no 64-bit floats)

