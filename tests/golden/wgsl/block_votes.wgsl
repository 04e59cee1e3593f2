// ==== kernel blockVotes ====
// not emitted: the WGSL target does not support '__syncthreads_count' yet

// ==== kernel compactCount ====
// not emitted: the WGSL target does not support '__syncthreads_count' yet

