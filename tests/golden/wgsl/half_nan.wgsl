// ==== kernel halfNaN ====
// not emitted: the WGSL target does not support '__ushort_as_half' yet

