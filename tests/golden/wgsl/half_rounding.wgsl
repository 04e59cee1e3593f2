// ==== kernel halfRounding ====
// not emitted: the WGSL target does not support '__half_as_ushort' yet

// ==== kernel halfFma ====
// not emitted: the WGSL target does not support '__half_as_ushort' yet

