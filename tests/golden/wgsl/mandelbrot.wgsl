// ==== kernel mandelbrot ====
// not emitted: the WGSL target cannot bind buffer parameter 'img': its elements (1 bytes) have no WGSL storage layout (8/16-bit integers, 3-lane vectors and mixed structs are not supported yet)

// ==== kernel mandelbrotDouble ====
// not emitted: the WGSL target does not support 'double' (WebGPU has no 64-bit floats)

