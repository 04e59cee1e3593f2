// ==== kernel nbodyStep ====
// not emitted: the WGSL target cannot access memory holding 'Body' as another type

