// ==== kernel warpReduceIntrinsics ====
// not emitted: the WGSL target does not support '__reduce_add_sync' yet

// ==== kernel countOdd ====
// not emitted: the WGSL target does not support '__reduce_add_sync' yet

