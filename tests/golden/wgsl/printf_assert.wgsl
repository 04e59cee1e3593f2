// ==== kernel hello ====
// not emitted: the WGSL target does not support 'printf' yet

// ==== kernel checkedDivide ====
// not emitted: the WGSL target does not support '__cuwasm_assert' yet

// ==== kernel printStats ====
// not emitted: the WGSL target does not support 'double' (WebGPU has no 64-bit floats)

