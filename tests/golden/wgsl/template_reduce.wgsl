// ==== kernel reduce<float, 256> ====
// not emitted: the WGSL target does not support '__shfl_down_sync' yet

// ==== kernel reduce<int, 128> ====
// not emitted: the WGSL target does not support '__shfl_down_sync' yet

// ==== kernel reduce<double, 64> ====
// not emitted: the WGSL target does not support 'double' (WebGPU has no 64-bit floats)

// ==== kernel reduce<float, 512> ====
// not emitted: the WGSL target does not support '__shfl_down_sync' yet

