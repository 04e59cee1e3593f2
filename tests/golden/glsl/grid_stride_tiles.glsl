#version 460
#extension GL_EXT_buffer_reference : require
#extension GL_EXT_scalar_block_layout : require
#extension GL_EXT_shader_explicit_arithmetic_types : require
// kernel tileSums
layout(local_size_x_id = 0, local_size_y_id = 1, local_size_z_id = 2) in;
layout(push_constant, std430) uniform PC {
  uint64_t params;
  uint base_x, base_y, base_z, grid_x, grid_y, grid_z;
  uint64_t scratch;
  uint64_t printf_buf;
} pc;
layout(constant_id = 3) const uint DYN_WORDS = 1u;
shared uint SM[0u + DYN_WORDS];
layout(buffer_reference, scalar, buffer_reference_align = 8) buffer R_u64 { uint64_t v; };
layout(buffer_reference, scalar, buffer_reference_align = 4) buffer R_i32 { int v; };
layout(buffer_reference, scalar, buffer_reference_align = 4) buffer R_f32 { float v; };
uint64_t ldG_u64(uint64_t a) {
  return R_u64(a).v;
}
int ldG_i32(uint64_t a) {
  return R_i32(a).v;
}
float ldG_f32(uint64_t a) {
  return R_f32(a).v;
}
#ifdef CW_EXACT_FMA
float cw_fma(float a, float b, float c) { return float(double(a) * double(b) + double(c)); }
#else
float cw_fma(float a, float b, float c) { return fma(a, b, c); }
#endif
float stG_f32(uint64_t a, float v) {
  R_f32(a).v = v;
  return v;
}
void main() {
  uint64_t l_x = ldG_u64(pc.params + 0ul);
  uint64_t l_sums = ldG_u64(pc.params + 8ul);
  int l_n = ldG_i32(pc.params + 16ul);
  int l_tid = int((((gl_WorkGroupID.x + pc.base_x) * gl_WorkGroupSize.x) + gl_LocalInvocationID.x));
  float l_s = 0.0;
  float l_m = -1.0;
  {
    int l_i = l_tid;
    for (; (l_i < l_n); (l_i = int((uint(l_i) + (gl_WorkGroupSize.x * pc.grid_x))))) {
      (l_s = (l_s + ldG_f32((l_x + uint64_t(int64_t(l_i)) * 4ul))));
      (l_m = max(l_m, ldG_f32((l_x + uint64_t(int64_t(l_i)) * 4ul))));
    }
  }
  stG_f32((l_sums + uint64_t(int64_t(l_tid)) * 4ul), (l_s + l_m));
}

#version 460
#extension GL_EXT_buffer_reference : require
#extension GL_EXT_scalar_block_layout : require
#extension GL_EXT_shader_explicit_arithmetic_types : require
// kernel tileScaleLe
layout(local_size_x_id = 0, local_size_y_id = 1, local_size_z_id = 2) in;
layout(push_constant, std430) uniform PC {
  uint64_t params;
  uint base_x, base_y, base_z, grid_x, grid_y, grid_z;
  uint64_t scratch;
  uint64_t printf_buf;
} pc;
layout(constant_id = 3) const uint DYN_WORDS = 1u;
shared uint SM[0u + DYN_WORDS];
layout(buffer_reference, scalar, buffer_reference_align = 8) buffer R_u64 { uint64_t v; };
layout(buffer_reference, scalar, buffer_reference_align = 4) buffer R_i32 { int v; };
layout(buffer_reference, scalar, buffer_reference_align = 4) buffer R_f32 { float v; };
uint64_t ldG_u64(uint64_t a) {
  return R_u64(a).v;
}
int ldG_i32(uint64_t a) {
  return R_i32(a).v;
}
float ldG_f32(uint64_t a) {
  return R_f32(a).v;
}
#ifdef CW_EXACT_FMA
float cw_fma(float a, float b, float c) { return float(double(a) * double(b) + double(c)); }
#else
float cw_fma(float a, float b, float c) { return fma(a, b, c); }
#endif
float stG_f32(uint64_t a, float v) {
  R_f32(a).v = v;
  return v;
}
void main() {
  uint64_t l_y = ldG_u64(pc.params + 0ul);
  int l_last = ldG_i32(pc.params + 8ul);
  float l_a = ldG_f32(pc.params + 12ul);
  float l_c = 1.0;
  {
    int l_i = int((((gl_WorkGroupID.x + pc.base_x) * gl_WorkGroupSize.x) + gl_LocalInvocationID.x));
    for (; (l_i <= l_last); (l_i = int((uint(l_i) + (gl_WorkGroupSize.x * pc.grid_x))))) {
      stG_f32((l_y + uint64_t(int64_t(l_i)) * 4ul), cw_fma(l_a, ldG_f32((l_y + uint64_t(int64_t(l_i)) * 4ul)), l_c));
      (l_c = (l_c + 1.0));
    }
  }
}

#version 460
#extension GL_EXT_buffer_reference : require
#extension GL_EXT_scalar_block_layout : require
#extension GL_EXT_shader_explicit_arithmetic_types : require
// kernel tileSums2d
layout(local_size_x_id = 0, local_size_y_id = 1, local_size_z_id = 2) in;
layout(push_constant, std430) uniform PC {
  uint64_t params;
  uint base_x, base_y, base_z, grid_x, grid_y, grid_z;
  uint64_t scratch;
  uint64_t printf_buf;
} pc;
layout(constant_id = 3) const uint DYN_WORDS = 1u;
shared uint SM[0u + DYN_WORDS];
layout(buffer_reference, scalar, buffer_reference_align = 8) buffer R_u64 { uint64_t v; };
layout(buffer_reference, scalar, buffer_reference_align = 4) buffer R_i32 { int v; };
layout(buffer_reference, scalar, buffer_reference_align = 4) buffer R_f32 { float v; };
uint64_t ldG_u64(uint64_t a) {
  return R_u64(a).v;
}
int ldG_i32(uint64_t a) {
  return R_i32(a).v;
}
float ldG_f32(uint64_t a) {
  return R_f32(a).v;
}
float stG_f32(uint64_t a, float v) {
  R_f32(a).v = v;
  return v;
}
void main() {
  uint64_t l_x = ldG_u64(pc.params + 0ul);
  uint64_t l_sums = ldG_u64(pc.params + 8ul);
  int l_n = ldG_i32(pc.params + 16ul);
  int l_tid = int((((((gl_WorkGroupID.x + pc.base_x) * gl_WorkGroupSize.x) * gl_WorkGroupSize.y) + (gl_LocalInvocationID.y * gl_WorkGroupSize.x)) + gl_LocalInvocationID.x));
  float l_s = 0.0;
  {
    int l_i = l_tid;
    for (; (l_i < l_n); (l_i = int((uint(l_i) + ((gl_WorkGroupSize.x * gl_WorkGroupSize.y) * pc.grid_x))))) {
      (l_s = (l_s + ldG_f32((l_x + uint64_t(int64_t(l_i)) * 4ul))));
    }
  }
  stG_f32((l_sums + uint64_t(int64_t(l_tid)) * 4ul), l_s);
}
