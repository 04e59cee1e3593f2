#version 460
#extension GL_EXT_buffer_reference : require
#extension GL_EXT_scalar_block_layout : require
#extension GL_EXT_shader_explicit_arithmetic_types : require
// kernel pointerKernel
layout(local_size_x_id = 0, local_size_y_id = 1, local_size_z_id = 2) in;
layout(push_constant, std430) uniform PC {
  uint64_t params;
  uint base_x, base_y, base_z, grid_x, grid_y, grid_z;
  uint64_t scratch;
  uint64_t printf_buf;
} pc;
layout(constant_id = 3) const uint DYN_WORDS = 1u;
shared uint SM[64u + DYN_WORDS];
uint64_t cw_frame; /* this thread's slice of the scratch buffer */
struct S_Span {
  uint64_t data;
  int len;
};
layout(buffer_reference, scalar, buffer_reference_align = 4) buffer R_i32 { int v; };
layout(buffer_reference, scalar, buffer_reference_align = 4) buffer R_f32 { float v; };
layout(buffer_reference, scalar, buffer_reference_align = 8) buffer R_u64 { uint64_t v; };
int ldS_i32(uint64_t a) {
  uint o = uint(a);
  return int(SM[o >> 2]);
}
int ldG_i32(uint64_t a) {
  return R_i32(a).v;
}
int ldX_i32(uint64_t a) {
  if ((a & 0x8000000000000000ul) != 0ul) return ldS_i32(a);
  return ldG_i32(a);
}
int stS_i32(uint64_t a, int v) {
  uint o = uint(a);
  SM[o >> 2] = uint(v);
  return v;
}
int stG_i32(uint64_t a, int v) {
  R_i32(a).v = v;
  return v;
}
int stX_i32(uint64_t a, int v) {
  if ((a & 0x8000000000000000ul) != 0ul) return stS_i32(a, v);
  return stG_i32(a, v);
}
float ldS_f32(uint64_t a) {
  uint o = uint(a);
  return uintBitsToFloat(SM[o >> 2]);
}
float ldG_f32(uint64_t a) {
  return R_f32(a).v;
}
float ldX_f32(uint64_t a) {
  if ((a & 0x8000000000000000ul) != 0ul) return ldS_f32(a);
  return ldG_f32(a);
}
uint64_t ldG_u64(uint64_t a) {
  return R_u64(a).v;
}
S_Span ldG_s40(uint64_t a) {
  S_Span r;
  r.data = ldG_u64(a + 0ul);
  r.len = ldG_i32(a + 8ul);
  return r;
}
#ifdef CW_EXACT_FMA
float cw_fma(float a, float b, float c) { return float(double(a) * double(b) + double(c)); }
#else
float cw_fma(float a, float b, float c) { return fma(a, b, c); }
#endif
float stS_f32(uint64_t a, float v) {
  uint o = uint(a);
  SM[o >> 2] = floatBitsToUint(v);
  return v;
}
float stG_f32(uint64_t a, float v) {
  R_f32(a).v = v;
  return v;
}
void f_bump(uint64_t l_p);
float f_sumShared(uint64_t l_s, int l_n);
void f_bump(uint64_t l_p) {
  stX_i32(l_p, (ldX_i32(l_p) + 1));
}

float f_sumShared(uint64_t l_s, int l_n) {
  float l_t = 0.0;
  {
    int l_i = 0;
    for (; (l_i < l_n); (l_i++)) {
      (l_t = (l_t + ldX_f32((l_s + uint64_t(int64_t(l_i)) * 4ul))));
    }
  }
  return l_t;
}

void main() {
  cw_frame = pc.scratch + uint64_t((gl_WorkGroupID.x + gl_NumWorkGroups.x * (gl_WorkGroupID.y + gl_NumWorkGroups.y * gl_WorkGroupID.z)) * (gl_WorkGroupSize.x * gl_WorkGroupSize.y * gl_WorkGroupSize.z) + gl_LocalInvocationIndex) * 16ul;
  uint64_t l_spans = ldG_u64(pc.params + 0ul);
  uint64_t l_bytes = ldG_u64(pc.params + 8ul);
  uint64_t l_out = ldG_u64(pc.params + 16ul);
  // __shared__ tile: SM + 0 bytes
  S_Span l_sp = ldG_s40((l_spans + uint64_t((gl_WorkGroupID.x + pc.base_x)) * 16ul));
  uint64_t l_p = (l_sp.data + uint64_t(gl_LocalInvocationID.x) * 4ul);
  uint64_t l_words = (l_bytes + 2ul * 4ul);
  stG_i32(cw_frame + 0ul, ldX_i32((l_words + uint64_t((gl_LocalInvocationID.x % 4u)) * 4ul)));
  f_bump((cw_frame + 0ul));
  stS_f32((0x8000000000000000ul + uint64_t(gl_LocalInvocationID.x) * 4ul), (ldX_f32(l_p) + float(ldG_i32((cw_frame + 0ul)))));
  groupMemoryBarrier(); barrier();
  if ((gl_LocalInvocationID.x == 0u)) {
    stG_f32((l_out + uint64_t((gl_WorkGroupID.x + pc.base_x)) * 4ul), f_sumShared((0x8000000000000000ul + 0ul * 4ul), l_sp.len));
  }
}
