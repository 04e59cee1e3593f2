// ==== kernel gotoShapes ====
// not emitted: the WGSL target does not support a goto back to 'retry' from inside another loop or switch

// ==== kernel gotoBothWays ====
// not emitted: the WGSL target does not support label 'top' reached by gotos from before and after it

