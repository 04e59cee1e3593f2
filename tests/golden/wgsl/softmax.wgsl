// ==== kernel softmaxRows ====
// not emitted: the WGSL target does not support '__shfl_xor_sync' yet

// ==== kernel softmaxWarpPerRow ====
// not emitted: the WGSL target does not support '__shfl_xor_sync' yet

