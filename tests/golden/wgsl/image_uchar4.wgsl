// ==== kernel rgbaToGray ====
// not emitted: the WGSL target cannot bind buffer parameter 'rgba': its elements (4 bytes) have no WGSL storage layout (8/16-bit integers, 3-lane vectors and mixed structs are not supported yet)

// ==== kernel brighten ====
// not emitted: the WGSL target cannot bind buffer parameter 'px': its elements (4 bytes) have no WGSL storage layout (8/16-bit integers, 3-lane vectors and mixed structs are not supported yet)

// ==== kernel flipHorizontal ====
// not emitted: the WGSL target cannot bind buffer parameter 'in': its elements (4 bytes) have no WGSL storage layout (8/16-bit integers, 3-lane vectors and mixed structs are not supported yet)

