// ==== kernel histogramKernel ====
// not emitted: the WGSL target cannot bind buffer parameter 'data': its elements (1 bytes) have no WGSL storage layout (8/16-bit integers, 3-lane vectors and mixed structs are not supported yet)

