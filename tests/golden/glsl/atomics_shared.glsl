#version 460
#extension GL_EXT_buffer_reference : require
#extension GL_EXT_scalar_block_layout : require
#extension GL_EXT_shader_explicit_arithmetic_types : require
#extension GL_EXT_shader_atomic_int64 : require
// kernel histo
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
layout(buffer_reference, scalar, buffer_reference_align = 4) buffer R_u32 { uint v; };
uint64_t ldG_u64(uint64_t a) {
  return R_u64(a).v;
}
int ldG_i32(uint64_t a) {
  return R_i32(a).v;
}
uint stS_u32(uint64_t a, uint v) {
  uint o = uint(a);
  SM[o >> 2] = uint(v);
  return v;
}
uint atS_add_u32(uint64_t a, uint v) {
  return uint(atomicAdd(SM[uint(a) >> 2], uint(v)));
}
float ldG_f32(uint64_t a) {
  return R_f32(a).v;
}
uint casG_u32(uint64_t a, uint c, uint v) { return atomicCompSwap(R_u32(a).v, c, v); }
float atG_add_f32(uint64_t a, float v) {
  uint old = floatBitsToUint(ldG_f32(a)), prev;
  do {
    prev = old;
    float x = uintBitsToFloat(prev);
    old = casG_u32(a, prev, floatBitsToUint((x + v)));
  } while (old != prev);
  return uintBitsToFloat(old);
}
uint64_t atG_add_u64(uint64_t a, uint64_t v) {
  return uint64_t(atomicAdd(R_u64(a).v, (v)));
}
uint ldG_u32(uint64_t a) {
  return R_u32(a).v;
}
uint atG_inc_u32(uint64_t a, uint v) {
  uint old = uint(ldG_u32(a)), prev;
  do {
    prev = old;
    uint x = uint(prev);
    old = casG_u32(a, prev, uint(((x >= v) ? uint(0) : x + uint(1))));
  } while (old != prev);
  return uint(old);
}
uint atG_add_u32(uint64_t a, uint v) {
  return uint(atomicAdd(R_u32(a).v, (v)));
}
uint ldS_u32(uint64_t a) {
  uint o = uint(a);
  return uint(SM[o >> 2]);
}
void main() {
  uint64_t l_keys = ldG_u64(pc.params + 0ul);
  uint64_t l_bins = ldG_u64(pc.params + 8ul);
  uint64_t l_total = ldG_u64(pc.params + 16ul);
  uint64_t l_wide = ldG_u64(pc.params + 24ul);
  uint64_t l_ring = ldG_u64(pc.params + 32ul);
  int l_n = ldG_i32(pc.params + 40ul);
  // __shared__ local: SM + 0 bytes
  int l_nb = 16;
  {
    int l_b = int(gl_LocalInvocationID.x);
    for (; (l_b < l_nb); (l_b = int((uint(l_b) + gl_WorkGroupSize.x)))) {
      stS_u32((0x8000000000000000ul + uint64_t(int64_t(l_b)) * 4ul), 0u);
    }
  }
  groupMemoryBarrier(); barrier();
  int l_i = int((((gl_WorkGroupID.x + pc.base_x) * gl_WorkGroupSize.x) + gl_LocalInvocationID.x));
  if ((l_i < l_n)) {
    atS_add_u32((0x8000000000000000ul + uint64_t(int64_t((ldG_i32((l_keys + uint64_t(int64_t(l_i)) * 4ul)) & 15))) * 4ul), 1u);
    atG_add_f32(l_total, 0.5);
    atG_add_u64(l_wide, uint64_t(ldG_i32((l_keys + uint64_t(int64_t(l_i)) * 4ul))));
    atG_inc_u32(l_ring, 7u);
  }
  groupMemoryBarrier(); barrier();
  {
    int l_b = int(gl_LocalInvocationID.x);
    for (; (l_b < l_nb); (l_b = int((uint(l_b) + gl_WorkGroupSize.x)))) {
      atG_add_u32((l_bins + uint64_t(int64_t(l_b)) * 4ul), ldS_u32((0x8000000000000000ul + uint64_t(int64_t(l_b)) * 4ul)));
    }
  }
}
