#version 460
#extension GL_EXT_buffer_reference : require
#extension GL_EXT_scalar_block_layout : require
#extension GL_EXT_shader_explicit_arithmetic_types : require
// kernel sumAtomic
layout(local_size_x_id = 0, local_size_y_id = 1, local_size_z_id = 2) in;
layout(push_constant, std430) uniform PC {
  uint64_t params;
  uint base_x, base_y, base_z, grid_x, grid_y, grid_z;
  uint64_t scratch;
  uint64_t printf_buf;
} pc;
layout(constant_id = 3) const uint DYN_WORDS = 1u;
shared uint SM[256u + DYN_WORDS];
layout(buffer_reference, scalar, buffer_reference_align = 4) buffer R_f32 { float v; };
layout(buffer_reference, scalar, buffer_reference_align = 8) buffer R_u64 { uint64_t v; };
layout(buffer_reference, scalar, buffer_reference_align = 4) buffer R_i32 { int v; };
layout(buffer_reference, scalar, buffer_reference_align = 4) buffer R_u32 { uint v; };
float stS_f32(uint64_t a, float v) {
  uint o = uint(a);
  SM[o >> 2] = floatBitsToUint(v);
  return v;
}
float stG_f32(uint64_t a, float v) {
  R_f32(a).v = v;
  return v;
}
float stX_f32(uint64_t a, float v) {
  if ((a & 0x8000000000000000ul) != 0ul) return stS_f32(a, v);
  return stG_f32(a, v);
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
int ldG_i32(uint64_t a) {
  return R_i32(a).v;
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
float f_blockSum_float(float l_v, uint64_t l_smem);
float f_blockSum_float(float l_v, uint64_t l_smem) {
  stX_f32((l_smem + uint64_t(gl_LocalInvocationID.x) * 4ul), l_v);
  groupMemoryBarrier(); barrier();
  {
    int l_s = int((gl_WorkGroupSize.x / 2u));
    for (; (l_s > 0); (l_s = (l_s >> 1))) {
      if ((gl_LocalInvocationID.x < uint(l_s))) {
        stX_f32((l_smem + uint64_t(gl_LocalInvocationID.x) * 4ul), (ldX_f32((l_smem + uint64_t(gl_LocalInvocationID.x) * 4ul)) + ldX_f32((l_smem + uint64_t((gl_LocalInvocationID.x + uint(l_s))) * 4ul))));
      }
      groupMemoryBarrier(); barrier();
    }
  }
  return ldX_f32((l_smem + 0ul * 4ul));
}

void main() {
  uint64_t l_x = ldG_u64(pc.params + 0ul);
  uint64_t l_result = ldG_u64(pc.params + 8ul);
  int l_n = ldG_i32(pc.params + 16ul);
  // __shared__ smem: SM + 0 bytes
  float l_local = 0.0;
  {
    int l_i = int((((gl_WorkGroupID.x + pc.base_x) * gl_WorkGroupSize.x) + gl_LocalInvocationID.x));
    for (; (l_i < l_n); (l_i = int((uint(l_i) + (pc.grid_x * gl_WorkGroupSize.x))))) {
      (l_local = (l_local + ldG_f32((l_x + uint64_t(int64_t(l_i)) * 4ul))));
    }
  }
  float l_total = f_blockSum_float(l_local, (0x8000000000000000ul + 0ul * 4ul));
  if ((gl_LocalInvocationID.x == 0u)) {
    atG_add_f32(l_result, l_total);
  }
}

#version 460
#extension GL_EXT_buffer_reference : require
#extension GL_EXT_scalar_block_layout : require
#extension GL_EXT_shader_explicit_arithmetic_types : require
#extension GL_EXT_shader_atomic_int64 : require
// kernel sumSquaresU64
layout(local_size_x_id = 0, local_size_y_id = 1, local_size_z_id = 2) in;
layout(push_constant, std430) uniform PC {
  uint64_t params;
  uint base_x, base_y, base_z, grid_x, grid_y, grid_z;
  uint64_t scratch;
  uint64_t printf_buf;
} pc;
layout(constant_id = 3) const uint DYN_WORDS = 1u;
shared uint SM[256u + DYN_WORDS];
layout(buffer_reference, scalar, buffer_reference_align = 8) buffer R_u64 { uint64_t v; };
layout(buffer_reference, scalar, buffer_reference_align = 4) buffer R_i32 { int v; };
layout(buffer_reference, scalar, buffer_reference_align = 4) buffer R_u32 { uint v; };
uint64_t stS_u64(uint64_t a, uint64_t v) {
  uint o = uint(a);
  uvec2 p = unpackUint2x32(uint64_t(v));
  SM[o >> 2] = p.x;
  SM[(o >> 2) + 1u] = p.y;
  return v;
}
uint64_t stG_u64(uint64_t a, uint64_t v) {
  R_u64(a).v = v;
  return v;
}
uint64_t stX_u64(uint64_t a, uint64_t v) {
  if ((a & 0x8000000000000000ul) != 0ul) return stS_u64(a, v);
  return stG_u64(a, v);
}
uint64_t ldS_u64(uint64_t a) {
  uint o = uint(a);
  uint64_t u = packUint2x32(uvec2(SM[o >> 2], SM[(o >> 2) + 1u]));
  return u;
}
uint64_t ldG_u64(uint64_t a) {
  return R_u64(a).v;
}
uint64_t ldX_u64(uint64_t a) {
  if ((a & 0x8000000000000000ul) != 0ul) return ldS_u64(a);
  return ldG_u64(a);
}
int ldG_i32(uint64_t a) {
  return R_i32(a).v;
}
uint ldG_u32(uint64_t a) {
  return R_u32(a).v;
}
uint64_t atG_add_u64(uint64_t a, uint64_t v) {
  return uint64_t(atomicAdd(R_u64(a).v, (v)));
}
uint64_t f_blockSum_unsignedlonglong(uint64_t l_v, uint64_t l_smem);
uint64_t f_blockSum_unsignedlonglong(uint64_t l_v, uint64_t l_smem) {
  stX_u64((l_smem + uint64_t(gl_LocalInvocationID.x) * 8ul), l_v);
  groupMemoryBarrier(); barrier();
  {
    int l_s = int((gl_WorkGroupSize.x / 2u));
    for (; (l_s > 0); (l_s = (l_s >> 1))) {
      if ((gl_LocalInvocationID.x < uint(l_s))) {
        stX_u64((l_smem + uint64_t(gl_LocalInvocationID.x) * 8ul), (ldX_u64((l_smem + uint64_t(gl_LocalInvocationID.x) * 8ul)) + ldX_u64((l_smem + uint64_t((gl_LocalInvocationID.x + uint(l_s))) * 8ul))));
      }
      groupMemoryBarrier(); barrier();
    }
  }
  return ldX_u64((l_smem + 0ul * 8ul));
}

void main() {
  uint64_t l_x = ldG_u64(pc.params + 0ul);
  uint64_t l_result = ldG_u64(pc.params + 8ul);
  int l_n = ldG_i32(pc.params + 16ul);
  // __shared__ smem: SM + 0 bytes
  uint64_t l_local = 0ul;
  {
    int l_i = int((((gl_WorkGroupID.x + pc.base_x) * gl_WorkGroupSize.x) + gl_LocalInvocationID.x));
    for (; (l_i < l_n); (l_i = int((uint(l_i) + (pc.grid_x * gl_WorkGroupSize.x))))) {
      (l_local = (l_local + (uint64_t(ldG_u32((l_x + uint64_t(int64_t(l_i)) * 4ul))) * uint64_t(ldG_u32((l_x + uint64_t(int64_t(l_i)) * 4ul))))));
    }
  }
  uint64_t l_total = f_blockSum_unsignedlonglong(l_local, (0x8000000000000000ul + 0ul * 8ul));
  if ((gl_LocalInvocationID.x == 0u)) {
    atG_add_u64(l_result, l_total);
  }
}
