// ==== kernel nbodyStep ====
// not emitted: the WGSL target supports pointers to whole variables and to elements of one-dimensional arrays only

