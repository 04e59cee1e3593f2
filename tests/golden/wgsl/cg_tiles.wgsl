// ==== kernel segmentedSums ====
// not emitted: the WGSL target does not support '__shfl_xor_sync' yet

// ==== kernel tileVotes ====
// not emitted: the WGSL target does not support '__any_sync' yet

// ==== kernel broadcastLeader ====
// not emitted: the WGSL target does not support pointer casts that change the element size (20 to 0 bytes)

