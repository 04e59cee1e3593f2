// ==== kernel blockInclusiveScan ====
// not emitted: the WGSL target does not support '__shfl_up_sync' yet

// ==== kernel blockExclusiveScanF ====
// not emitted: the WGSL target does not support '__shfl_up_sync' yet

// ==== kernel segmentedWarpScan ====
// not emitted: the WGSL target does not support '__ballot_sync' yet

