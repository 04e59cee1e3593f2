// ==== kernel halfGlobals ====
// not emitted: the WGSL target does not support '__half_as_ushort' yet

