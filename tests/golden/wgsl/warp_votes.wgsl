// ==== kernel warpVotes ====
// not emitted: the WGSL target does not support '__ballot_sync' yet

// ==== kernel aggregatedAppend ====
// not emitted: the WGSL target does not support '__ballot_sync' yet

// ==== kernel divergentActive ====
// not emitted: the WGSL target does not support '__activemask' yet

