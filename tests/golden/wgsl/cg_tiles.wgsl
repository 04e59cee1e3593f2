// ==== kernel segmentedSums ====
// not emitted: the WGSL target does not support pointer casts that change the element size (4 to 0 bytes)

// ==== kernel tileVotes ====
// not emitted: the WGSL target does not support pointer casts that change the element size (4 to 0 bytes)

// ==== kernel broadcastLeader ====
// not emitted: the WGSL target does not support pointer casts that change the element size (20 to 0 bytes)

