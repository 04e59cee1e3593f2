// ==== kernel blockInclusiveScan ====
// not emitted: the WGSL target does not support '__shfl_up_sync' yet

// ==== kernel blockExclusiveScanF ====
// not emitted: the WGSL target does not support '__shfl_up_sync' yet

// ==== kernel segmentedWarpScan ====
// not emitted: the WGSL target cannot bind buffer parameter 'flags': its elements (1 bytes) have no WGSL storage layout (8/16-bit integers, 3-lane vectors and mixed structs are not supported yet)

