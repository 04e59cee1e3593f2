// ==== kernel reduceVolatile ====
// not emitted: call to 'warpReduce', which synchronises the block, under thread-dependent control flow: WGSL needs barriers in uniform control flow

// ==== kernel reduceVolatileInt ====
// not emitted: __syncwarp() under thread-dependent control flow: WGSL needs barriers in uniform control flow

