// ==== kernel reduce<float, 256> ====
// not emitted: '__shfl_down_sync' under thread-dependent control flow: the WGSL target emulates it with workgroup barriers, which need uniform control flow

// ==== kernel reduce<int, 128> ====
// not emitted: '__shfl_down_sync' under thread-dependent control flow: the WGSL target emulates it with workgroup barriers, which need uniform control flow

// ==== kernel reduce<double, 64> ====
// not emitted: the WGSL target does not support 'double' (WebGPU has no 64-bit floats)

// ==== kernel reduce<float, 512> ====
// not emitted: '__shfl_down_sync' under thread-dependent control flow: the WGSL target emulates it with workgroup barriers, which need uniform control flow

