#version 460
#extension GL_EXT_buffer_reference : require
#extension GL_EXT_scalar_block_layout : require
#extension GL_EXT_shader_explicit_arithmetic_types : require
// kernel groupSums
layout(local_size_x_id = 0, local_size_y_id = 1, local_size_z_id = 2) in;
layout(push_constant, std430) uniform PC {
  uint64_t params;
  uint base_x, base_y, base_z, grid_x, grid_y, grid_z;
  uint64_t scratch;
  uint64_t printf_buf;
} pc;
layout(constant_id = 3) const uint DYN_WORDS = 1u;
shared uint SM[68u + DYN_WORDS];
layout(buffer_reference, scalar, buffer_reference_align = 8) buffer R_u64 { uint64_t v; };
layout(buffer_reference, scalar, buffer_reference_align = 4) buffer R_i32 { int v; };
uint64_t ldG_u64(uint64_t a) {
  return R_u64(a).v;
}
int ldG_i32(uint64_t a) {
  return R_i32(a).v;
}
int stS_i32(uint64_t a, int v) {
  uint o = uint(a);
  SM[o >> 2] = uint(v);
  return v;
}
int ldS_i32(uint64_t a) {
  uint o = uint(a);
  return int(SM[o >> 2]);
}
int atS_add_i32(uint64_t a, int v) {
  return int(atomicAdd(SM[uint(a) >> 2], uint(v)));
}
int atG_add_i32(uint64_t a, int v) {
  return int(atomicAdd(R_i32(a).v, (v)));
}
int atX_add_i32(uint64_t a, int v) {
  if ((a & 0x8000000000000000ul) != 0ul) return atS_add_i32(a, v);
  return atG_add_i32(a, v);
}
int stG_i32(uint64_t a, int v) {
  R_i32(a).v = v;
  return v;
}
uint64_t f_blockSlot(uint64_t l_counters);
uint64_t f_blockSlot(uint64_t l_counters) {
  return (l_counters + uint64_t(((gl_WorkGroupID.x + pc.base_x) & 1u)) * 4ul);
}

void main() {
  uint64_t l_x = ldG_u64(pc.params + 0ul);
  uint64_t l_out = ldG_u64(pc.params + 8ul);
  int l_n = ldG_i32(pc.params + 16ul);
  // __shared__ part: SM + 0 bytes
  // __shared__ counters: SM + 256 bytes
  int l_t = int(gl_LocalInvocationID.x);
  int l_scale = (int((gl_WorkGroupID.x + pc.base_x)) + 1);
  if ((l_t < 2)) {
    stS_i32((0x8000000000000100ul + uint64_t(int64_t(l_t)) * 4ul), 0);
  }
  int l_s = 0;
  {
    int l_i = int((((gl_WorkGroupID.x + pc.base_x) * gl_WorkGroupSize.x) + uint(l_t)));
    for (; (l_i < l_n); (l_i = int((uint(l_i) + (gl_WorkGroupSize.x * pc.grid_x))))) {
      (l_s = (l_s + ((ldG_i32((l_x + uint64_t(int64_t(l_i)) * 4ul)) & 1023) * l_scale)));
    }
  }
  stS_i32((0x8000000000000000ul + uint64_t(int64_t(l_t)) * 4ul), l_s);
  groupMemoryBarrier(); barrier();
  if ((l_t == 0)) {
    int l_total = 0;
    {
      int l_k = 0;
      for (; (l_k < int(gl_WorkGroupSize.x)); (l_k++)) {
        (l_total = (l_total + ldS_i32((0x8000000000000000ul + uint64_t(int64_t(l_k)) * 4ul))));
      }
    }
    atX_add_i32(f_blockSlot((0x8000000000000100ul + 0ul * 4ul)), l_total);
  }
  groupMemoryBarrier(); barrier();
  if ((l_t == 0)) {
    stG_i32((l_out + uint64_t((gl_WorkGroupID.x + pc.base_x)) * 4ul), (ldS_i32((0x8000000000000100ul + uint64_t(((gl_WorkGroupID.x + pc.base_x) & 1u)) * 4ul)) + ((ldS_i32((0x8000000000000100ul + uint64_t((((gl_WorkGroupID.x + pc.base_x) + 1u) & 1u)) * 4ul)) + 7) * 3)));
  }
}

#version 460
#extension GL_EXT_buffer_reference : require
#extension GL_EXT_scalar_block_layout : require
#extension GL_EXT_shader_explicit_arithmetic_types : require
// kernel groupDyn
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
uint64_t ldG_u64(uint64_t a) {
  return R_u64(a).v;
}
int ldG_i32(uint64_t a) {
  return R_i32(a).v;
}
int stS_i32(uint64_t a, int v) {
  uint o = uint(a);
  SM[o >> 2] = uint(v);
  return v;
}
int rem_int(int a, int b) { return a - (a / b) * b; }
int ldS_i32(uint64_t a) {
  uint o = uint(a);
  return int(SM[o >> 2]);
}
int stG_i32(uint64_t a, int v) {
  R_i32(a).v = v;
  return v;
}
void main() {
  uint64_t l_x = ldG_u64(pc.params + 0ul);
  uint64_t l_out = ldG_u64(pc.params + 8ul);
  int l_n = ldG_i32(pc.params + 16ul);
  int l_limit = ldG_i32(pc.params + 20ul);
  int l_t = int(gl_LocalInvocationID.x);
  stS_i32((0x8000000000000000ul + uint64_t(int64_t(l_t)) * 4ul), int((gl_WorkGroupID.x + pc.base_x)));
  if ((l_t >= l_limit)) {
    return;
  }
  int l_c = 0;
  {
    int l_i = int((((gl_WorkGroupID.x + pc.base_x) * gl_WorkGroupSize.x) + uint(l_t)));
    for (; (l_i < l_n); (l_i = int((uint(l_i) + (gl_WorkGroupSize.x * pc.grid_x))))) {
      (l_c = (l_c + (ldG_i32((l_x + uint64_t(int64_t(l_i)) * 4ul)) & 7)));
    }
  }
  groupMemoryBarrier(); barrier();
  stG_i32((l_out + uint64_t((((gl_WorkGroupID.x + pc.base_x) * gl_WorkGroupSize.x) + uint(l_t))) * 4ul), (l_c + (ldS_i32((0x8000000000000000ul + uint64_t(int64_t(rem_int((l_t + 1), l_limit))) * 4ul)) * 100)));
}
