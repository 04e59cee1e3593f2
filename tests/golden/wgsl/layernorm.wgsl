// ==== kernel layerNorm ====
// not emitted: the WGSL target does not support '__shfl_down_sync' yet

