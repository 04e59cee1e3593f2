// ==== kernel groupedHistogram ====
// not emitted: the WGSL target does not support '__match_any_sync' yet

// ==== kernel matchAll ====
// not emitted: the WGSL target does not support '__match_all_sync' yet

