// ==== kernel halfDot ====
// not emitted: the WGSL target does not support '__half' (needs the shader-f16 feature, not emitted yet)

// ==== kernel floatToHalf ====
// not emitted: the WGSL target does not support '__half' (needs the shader-f16 feature, not emitted yet)

// ==== kernel halfAxpy ====
// not emitted: the WGSL target does not support '__half' (needs the shader-f16 feature, not emitted yet)

// ==== kernel halfRelu ====
// not emitted: the WGSL target does not support '__half' (needs the shader-f16 feature, not emitted yet)

