// ==== kernel classKernel ====
// not emitted: the WGSL target supports pointers to whole variables and to elements of one-dimensional arrays only

// ==== kernel rangeKernel ====
// not emitted: the WGSL target supports pointers to whole variables and to elements of one-dimensional arrays only

// ==== kernel bitsKernel ====
// not emitted: the WGSL target does not support bit-fields ('Packed::lo')

