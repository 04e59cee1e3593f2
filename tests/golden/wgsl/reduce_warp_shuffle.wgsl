// ==== kernel reduceShuffle ====
// not emitted: the WGSL target does not support '__shfl_down_sync' yet

// ==== kernel allReduceXor ====
// not emitted: the WGSL target does not support '__shfl_xor_sync' yet

