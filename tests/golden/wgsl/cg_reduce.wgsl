// ==== kernel cgReduceSum ====
// not emitted: call to 'cooperative_groups::thread_block_tile<32>::shfl_down<float>', which synchronises the block, under thread-dependent control flow: WGSL needs barriers in uniform control flow

// ==== kernel cgReduceBuiltin ====
// not emitted: call to 'cooperative_groups::thread_block_tile<32>::shfl_xor<float>', which synchronises the block, under thread-dependent control flow: WGSL needs barriers in uniform control flow

