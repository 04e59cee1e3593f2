// ==== kernel sum_kernel ====
// not emitted: call to 'cooperative_groups::thread_group::sync', which synchronises the block, under thread-dependent control flow: WGSL needs barriers in uniform control flow

