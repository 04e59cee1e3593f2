// ==== kernel halfUnordered ====
// kernel halfUnordered, from <source> by cuwasm

enable f16; // __half: needs an adapter with shader-f16

struct u___nv_bfloat16 {
  u___x: u32,
}

struct u___nv_bfloat162 {
  x: u___nv_bfloat16,
  y: u___nv_bfloat16,
}

struct u___nv_bfloat16_raw {
  x: u32,
}

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read_write> scalar: array<i32>;
@group(0) @binding(2) var<storage, read_write> lanes: array<i32>;
@group(0) @binding(3) var<storage, read_write> bf: array<i32>;

fn cw_f32_bits(b: u32) -> f32 { return bitcast<f32>(b); }

fn cw_hne(a: f16, b: f16) -> bool { return a < b || a > b; }

fn cw_ushort_as_half(u: u32) -> f16 { return f16(unpack2x16float(u).x); }

fn sample(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_k: i32) -> f32 {
  var k = cw_a_k;
  switch (k) {
    case 0i: {
      return cw_f32_bits(2143289344u);
    }
    case 1i: {
      return (-cw_f32_bits(2139095040u));
    }
    case 2i: {
      return (-1.5f);
    }
    case 3i: {
      return -0.0f;
    }
    case 4i: {
      return 0.0f;
    }
    case 5i: {
      return 1.5f;
    }
    case 6i: {
      return 2.0f;
    }
    case default: {
      return cw_f32_bits(2139095040u);
    }
  }
}

fn u___hequ_0_1(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_a: f16, cw_a_b: f16) -> bool {
  var a = cw_a_a;
  var b = cw_a_b;
  return !(cw_hne(a, b));
}

fn u___hneu_0_1(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_a: f16, cw_a_b: f16) -> bool {
  var a = cw_a_a;
  var b = cw_a_b;
  return !((a == b));
}

fn u___hltu_0_1(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_a: f16, cw_a_b: f16) -> bool {
  var a = cw_a_a;
  var b = cw_a_b;
  return !((a >= b));
}

fn u___hleu_0_1(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_a: f16, cw_a_b: f16) -> bool {
  var a = cw_a_a;
  var b = cw_a_b;
  return !((a > b));
}

fn u___hgtu_0_1(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_a: f16, cw_a_b: f16) -> bool {
  var a = cw_a_a;
  var b = cw_a_b;
  return !((a <= b));
}

fn u___hgeu_0_1(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_a: f16, cw_a_b: f16) -> bool {
  var a = cw_a_a;
  var b = cw_a_b;
  return !((a < b));
}

fn u___hmax_nan_0_1(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_a: f16, cw_a_b: f16) -> f16 {
  var a = cw_a_a;
  var b = cw_a_b;
  return select(max(a, b), cw_ushort_as_half(u32(32767u)), ((a != a) || (b != b)));
}

fn u___hmin_nan_0_1(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_a: f16, cw_a_b: f16) -> f16 {
  var a = cw_a_a;
  var b = cw_a_b;
  return select(min(a, b), cw_ushort_as_half(u32(32767u)), ((a != a) || (b != b)));
}

fn u___heq2_0_1(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_a: vec2<f16>, cw_a_b: vec2<f16>) -> vec2<f16> {
  var a = cw_a_a;
  var b = cw_a_b;
  return vec2<f16>(u___cw_half_of_bool_0(cw_tid, cw_bid, ((a).x == (b).x)), u___cw_half_of_bool_0(cw_tid, cw_bid, ((a).y == (b).y)));
}

fn u___cw_half_of_bool_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_b: bool) -> f16 {
  var b = cw_a_b;
  return cw_ushort_as_half(u32((select(0u, 15360u, b) & 0xffffu)));
}

fn u___hne2_0_1(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_a: vec2<f16>, cw_a_b: vec2<f16>) -> vec2<f16> {
  var a = cw_a_a;
  var b = cw_a_b;
  return vec2<f16>(u___cw_half_of_bool_0(cw_tid, cw_bid, cw_hne((a).x, (b).x)), u___cw_half_of_bool_0(cw_tid, cw_bid, cw_hne((a).y, (b).y)));
}

fn u___hltu2_0_1(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_a: vec2<f16>, cw_a_b: vec2<f16>) -> vec2<f16> {
  var a = cw_a_a;
  var b = cw_a_b;
  return vec2<f16>(u___cw_half_of_bool_0(cw_tid, cw_bid, u___hltu_0_1(cw_tid, cw_bid, (a).x, (b).x)), u___cw_half_of_bool_0(cw_tid, cw_bid, u___hltu_0_1(cw_tid, cw_bid, (a).y, (b).y)));
}

fn u___hgeu2_0_1(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_a: vec2<f16>, cw_a_b: vec2<f16>) -> vec2<f16> {
  var a = cw_a_a;
  var b = cw_a_b;
  return vec2<f16>(u___cw_half_of_bool_0(cw_tid, cw_bid, u___hgeu_0_1(cw_tid, cw_bid, (a).x, (b).x)), u___cw_half_of_bool_0(cw_tid, cw_bid, u___hgeu_0_1(cw_tid, cw_bid, (a).y, (b).y)));
}

fn u___hlt2_mask_0_1(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_a: vec2<f16>, cw_a_b: vec2<f16>) -> u32 {
  var a = cw_a_a;
  var b = cw_a_b;
  return (select(0u, 65535u, ((a).x < (b).x)) | select(0u, 4294901760u, ((a).y < (b).y)));
}

fn u___hneu2_mask_0_1(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_a: vec2<f16>, cw_a_b: vec2<f16>) -> u32 {
  var a = cw_a_a;
  var b = cw_a_b;
  return (select(0u, 65535u, u___hneu_0_1(cw_tid, cw_bid, (a).x, (b).x)) | select(0u, 4294901760u, u___hneu_0_1(cw_tid, cw_bid, (a).y, (b).y)));
}

fn u___hbeq2_0_1(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_a: vec2<f16>, cw_a_b: vec2<f16>) -> bool {
  var a = cw_a_a;
  var b = cw_a_b;
  return (((a).x == (b).x) && ((a).y == (b).y));
}

fn u___hbneu2_0_1(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_a: vec2<f16>, cw_a_b: vec2<f16>) -> bool {
  var a = cw_a_a;
  var b = cw_a_b;
  return (u___hneu_0_1(cw_tid, cw_bid, (a).x, (b).x) && u___hneu_0_1(cw_tid, cw_bid, (a).y, (b).y));
}

fn u___hbltu2_0_1(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_a: vec2<f16>, cw_a_b: vec2<f16>) -> bool {
  var a = cw_a_a;
  var b = cw_a_b;
  return (u___hltu_0_1(cw_tid, cw_bid, (a).x, (b).x) && u___hltu_0_1(cw_tid, cw_bid, (a).y, (b).y));
}

fn u___hble2_0_1(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_a: vec2<f16>, cw_a_b: vec2<f16>) -> bool {
  var a = cw_a_a;
  var b = cw_a_b;
  return (((a).x <= (b).x) && ((a).y <= (b).y));
}

fn u___hisnan2_0_1(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_a: vec2<f16>) -> vec2<f16> {
  var a = cw_a_a;
  return vec2<f16>(u___cw_half_of_bool_0(cw_tid, cw_bid, ((a).x != (a).x)), u___cw_half_of_bool_0(cw_tid, cw_bid, ((a).y != (a).y)));
}

fn u___float2bfloat16(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_f: f32) -> u___nv_bfloat16 {
  var f = cw_a_f;
  var u___tmp29: u___nv_bfloat16;
  u___tmp29 = u___nv_bfloat16(0u);
  u___nv_bfloat16___nv_bfloat16_0(cw_tid, cw_bid, 0i, &u___tmp29, f);
  return u___tmp29;
}

fn u___nv_bfloat16___nv_bfloat16_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, u___nv_bfloat16>, cw_a_f: f32) {
  var po_self = cw_a_self;
  var f = cw_a_f;
  (*cw_r_self).u___x = u___cw_float_to_bf16_bits(cw_tid, cw_bid, f);
}

fn u___cw_float_to_bf16_bits(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_f: f32) -> u32 {
  var f = cw_a_f;
  var u: u32 = u___cw_bf16_float_bits(cw_tid, cw_bid, f);
  if (((u & 2147483647u) > 2139095040u)) {
    return 32767u;
  }
  u = (u + (32767u + ((u >> u32(16i)) & 1u)));
  return ((u >> u32(16i)) & 0xffffu);
}

fn u___cw_bf16_float_bits(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_f: f32) -> u32 {
  var f = cw_a_f;
  return bitcast<u32>(f);
}

fn u___halves2bfloat162(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_a: u___nv_bfloat16, cw_a_b: u___nv_bfloat16) -> u___nv_bfloat162 {
  var a = cw_a_a;
  var b = cw_a_b;
  var u___tmp59: u___nv_bfloat162;
  u___tmp59 = u___nv_bfloat162(u___nv_bfloat16(), u___nv_bfloat16());
  u___nv_bfloat162___nv_bfloat162_0(cw_tid, cw_bid, 0i, &u___tmp59, a, b);
  return u___tmp59;
}

fn u___nv_bfloat162___nv_bfloat162_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, u___nv_bfloat162>, cw_a_a: u___nv_bfloat16, cw_a_b: u___nv_bfloat16) {
  var po_self = cw_a_self;
  var a = cw_a_a;
  var b = cw_a_b;
  (*cw_r_self).x = a;
  (*cw_r_self).y = b;
}

fn u___hequ_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_a: u___nv_bfloat16, cw_a_b: u___nv_bfloat16) -> bool {
  var a = cw_a_a;
  var b = cw_a_b;
  return !((operator_9(cw_tid, cw_bid, a, b) || operator_11(cw_tid, cw_bid, a, b)));
}

fn operator_9(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_a: u___nv_bfloat16, cw_a_b: u___nv_bfloat16) -> bool {
  var a = cw_a_a;
  var b = cw_a_b;
  return (u___nv_bfloat16_conv_14(cw_tid, cw_bid, a) < u___nv_bfloat16_conv_14(cw_tid, cw_bid, b));
}

fn u___nv_bfloat16_conv_14(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_v_self: u___nv_bfloat16) -> f32 {
  var po_self = 0i;
  return u___cw_bf16_bits_float(cw_tid, cw_bid, (cw_v_self.u___x << u32(16i)));
}

fn u___cw_bf16_bits_float(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_u: u32) -> f32 {
  var u = cw_a_u;
  return cw_f32_bits(u);
}

fn operator_11(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_a: u___nv_bfloat16, cw_a_b: u___nv_bfloat16) -> bool {
  var a = cw_a_a;
  var b = cw_a_b;
  return (u___nv_bfloat16_conv_14(cw_tid, cw_bid, a) > u___nv_bfloat16_conv_14(cw_tid, cw_bid, b));
}

fn u___hne_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_a: u___nv_bfloat16, cw_a_b: u___nv_bfloat16) -> bool {
  var a = cw_a_a;
  var b = cw_a_b;
  return (operator_9(cw_tid, cw_bid, a, b) || operator_11(cw_tid, cw_bid, a, b));
}

fn u___hgeu_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_a: u___nv_bfloat16, cw_a_b: u___nv_bfloat16) -> bool {
  var a = cw_a_a;
  var b = cw_a_b;
  return !(operator_9(cw_tid, cw_bid, a, b));
}

fn u___hle_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_a: u___nv_bfloat16, cw_a_b: u___nv_bfloat16) -> bool {
  var a = cw_a_a;
  var b = cw_a_b;
  return operator_10(cw_tid, cw_bid, a, b);
}

fn operator_10(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_a: u___nv_bfloat16, cw_a_b: u___nv_bfloat16) -> bool {
  var a = cw_a_a;
  var b = cw_a_b;
  return (u___nv_bfloat16_conv_14(cw_tid, cw_bid, a) <= u___nv_bfloat16_conv_14(cw_tid, cw_bid, b));
}

fn u___hgtu2_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_a: u___nv_bfloat162, cw_a_b: u___nv_bfloat162) -> u___nv_bfloat162 {
  var a = cw_a_a;
  var b = cw_a_b;
  var u___tmp283: u___nv_bfloat162;
  u___tmp283 = u___nv_bfloat162(u___nv_bfloat16(), u___nv_bfloat16());
  u___nv_bfloat162___nv_bfloat162_1(cw_tid, cw_bid, 0i, &u___tmp283, u___cw_bf16_of_bool_0(cw_tid, cw_bid, u___hgtu_0(cw_tid, cw_bid, a.x, b.x)), u___cw_bf16_of_bool_0(cw_tid, cw_bid, u___hgtu_0(cw_tid, cw_bid, a.y, b.y)));
  return u___tmp283;
}

fn u___hgtu_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_a: u___nv_bfloat16, cw_a_b: u___nv_bfloat16) -> bool {
  var a = cw_a_a;
  var b = cw_a_b;
  return !(operator_10(cw_tid, cw_bid, a, b));
}

fn u___cw_bf16_of_bool_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_b: bool) -> u___nv_bfloat16 {
  var b = cw_a_b;
  return u___ushort_as_bfloat16(cw_tid, cw_bid, (select(0u, 16256u, b) & 0xffffu));
}

fn u___ushort_as_bfloat16(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_u: u32) -> u___nv_bfloat16 {
  var u = cw_a_u;
  var u___tmp44: u___nv_bfloat16;
  var r: u___nv_bfloat16_raw;
  r.x = u;
  u___tmp44 = u___nv_bfloat16(0u);
  u___nv_bfloat16___nv_bfloat16_3_0(cw_tid, cw_bid, 0i, &u___tmp44, r);
  return u___tmp44;
}

fn u___nv_bfloat16___nv_bfloat16_3_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, u___nv_bfloat16>, cw_a_r: u___nv_bfloat16_raw) {
  var po_self = cw_a_self;
  var r = cw_a_r;
  (*cw_r_self).u___x = r.x;
}

fn u___nv_bfloat162___nv_bfloat162_1(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, u___nv_bfloat162>, cw_a_a: u___nv_bfloat16, cw_a_b: u___nv_bfloat16) {
  var po_self = cw_a_self;
  var a = cw_a_a;
  var b = cw_a_b;
  (*cw_r_self).x = a;
  (*cw_r_self).y = b;
}

fn u___low2float(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_h: u___nv_bfloat162) -> f32 {
  var h = cw_a_h;
  return u___nv_bfloat16_conv_14(cw_tid, cw_bid, h.x);
}

fn u___hge2_mask_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_a: u___nv_bfloat162, cw_a_b: u___nv_bfloat162) -> u32 {
  var a = cw_a_a;
  var b = cw_a_b;
  return (select(0u, 65535u, u___hge_0(cw_tid, cw_bid, a.x, b.x)) | select(0u, 4294901760u, u___hge_0(cw_tid, cw_bid, a.y, b.y)));
}

fn u___hge_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_a: u___nv_bfloat16, cw_a_b: u___nv_bfloat16) -> bool {
  var a = cw_a_a;
  var b = cw_a_b;
  return operator_12(cw_tid, cw_bid, a, b);
}

fn operator_12(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_a: u___nv_bfloat16, cw_a_b: u___nv_bfloat16) -> bool {
  var a = cw_a_a;
  var b = cw_a_b;
  return (u___nv_bfloat16_conv_14(cw_tid, cw_bid, a) >= u___nv_bfloat16_conv_14(cw_tid, cw_bid, b));
}

fn u___hbne2_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_a: u___nv_bfloat162, cw_a_b: u___nv_bfloat162) -> bool {
  var a = cw_a_a;
  var b = cw_a_b;
  return (u___hne_0(cw_tid, cw_bid, a.x, b.x) && u___hne_0(cw_tid, cw_bid, a.y, b.y));
}

fn u___hbgeu2_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_a: u___nv_bfloat162, cw_a_b: u___nv_bfloat162) -> bool {
  var a = cw_a_a;
  var b = cw_a_b;
  return (u___hgeu_0(cw_tid, cw_bid, a.x, b.x) && u___hgeu_0(cw_tid, cw_bid, a.y, b.y));
}

fn u___hisnan2_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_a: u___nv_bfloat162) -> u___nv_bfloat162 {
  var a = cw_a_a;
  var u___tmp272: u___nv_bfloat162;
  u___tmp272 = u___nv_bfloat162(u___nv_bfloat16(), u___nv_bfloat16());
  u___nv_bfloat162___nv_bfloat162_2(cw_tid, cw_bid, 0i, &u___tmp272, u___cw_bf16_of_bool_0(cw_tid, cw_bid, u___hisnan(cw_tid, cw_bid, a.x)), u___cw_bf16_of_bool_0(cw_tid, cw_bid, u___hisnan(cw_tid, cw_bid, a.y)));
  return u___tmp272;
}

fn u___hisnan(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_a: u___nv_bfloat16) -> bool {
  var a = cw_a_a;
  return ((a.u___x & 32767u) > 32640u);
}

fn u___nv_bfloat162___nv_bfloat162_2(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, u___nv_bfloat162>, cw_a_a: u___nv_bfloat16, cw_a_b: u___nv_bfloat16) {
  var po_self = cw_a_self;
  var a = cw_a_a;
  var b = cw_a_b;
  (*cw_r_self).x = a;
  (*cw_r_self).y = b;
}

fn u___high2float(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_h: u___nv_bfloat162) -> f32 {
  var h = cw_a_h;
  return u___nv_bfloat16_conv_14(cw_tid, cw_bid, h.y);
}

fn operator_21(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_a: u___nv_bfloat162, cw_a_b: u___nv_bfloat162) -> bool {
  var a = cw_a_a;
  var b = cw_a_b;
  return (operator_8(cw_tid, cw_bid, a.x, b.x) && operator_8(cw_tid, cw_bid, a.y, b.y));
}

fn operator_8(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_a: u___nv_bfloat16, cw_a_b: u___nv_bfloat16) -> bool {
  var a = cw_a_a;
  var b = cw_a_b;
  return (u___nv_bfloat16_conv_14(cw_tid, cw_bid, a) != u___nv_bfloat16_conv_14(cw_tid, cw_bid, b));
}

fn u___hmax_nan_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_a: u___nv_bfloat16, cw_a_b: u___nv_bfloat16) -> u___nv_bfloat16 {
  var a = cw_a_a;
  var b = cw_a_b;
  var cw_t0: u___nv_bfloat16;
  if ((u___hisnan(cw_tid, cw_bid, a) || u___hisnan(cw_tid, cw_bid, b))) {
    cw_t0 = u___ushort_as_bfloat16(cw_tid, cw_bid, 32767u);
  } else {
    cw_t0 = u___hmax(cw_tid, cw_bid, a, b);
  }
  return cw_t0;
}

fn u___hmax(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_a: u___nv_bfloat16, cw_a_b: u___nv_bfloat16) -> u___nv_bfloat16 {
  var a = cw_a_a;
  var b = cw_a_b;
  var u___tmp153: u___nv_bfloat16;
  u___tmp153 = u___nv_bfloat16(0u);
  u___nv_bfloat16___nv_bfloat16_1(cw_tid, cw_bid, 0i, &u___tmp153, max(u___nv_bfloat16_conv_14(cw_tid, cw_bid, a), u___nv_bfloat16_conv_14(cw_tid, cw_bid, b)));
  return u___tmp153;
}

fn u___nv_bfloat16___nv_bfloat16_1(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, u___nv_bfloat16>, cw_a_f: f32) {
  var po_self = cw_a_self;
  var f = cw_a_f;
  (*cw_r_self).u___x = u___cw_float_to_bf16_bits(cw_tid, cw_bid, f);
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn halfUnordered(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var u___tmp274: vec2<f16>;
  var u___tmp275: vec2<f16>;
  var i: i32 = i32(cw_tid.x);
  var fa: f32 = sample(cw_tid, cw_bid, (i & 7i));
  var fb: f32 = sample(cw_tid, cw_bid, (i >> u32(3i)));
  var a: f16 = f16(fa);
  var b: f16 = f16(fb);
  var m: i32 = 0i;
  m = (m | (i32(u___hequ_0_1(cw_tid, cw_bid, a, b)) << u32(0i)));
  m = (m | (i32(u___hneu_0_1(cw_tid, cw_bid, a, b)) << u32(1i)));
  m = (m | (i32(u___hltu_0_1(cw_tid, cw_bid, a, b)) << u32(2i)));
  m = (m | (i32(u___hleu_0_1(cw_tid, cw_bid, a, b)) << u32(3i)));
  m = (m | (i32(u___hgtu_0_1(cw_tid, cw_bid, a, b)) << u32(4i)));
  m = (m | (i32(u___hgeu_0_1(cw_tid, cw_bid, a, b)) << u32(5i)));
  m = (m | (i32((u___hmax_nan_0_1(cw_tid, cw_bid, a, b) != u___hmax_nan_0_1(cw_tid, cw_bid, a, b))) << u32(6i)));
  m = (m | (i32((f32(u___hmin_nan_0_1(cw_tid, cw_bid, a, b)) == min(fa, fb))) << u32(7i)));
  scalar[i] = m;
  var p: vec2<f16> = vec2<f16>(a, b);
  var q: vec2<f16> = vec2<f16>(b, a);
  var l: i32 = 0i;
  l = (l | (i32((f32((u___heq2_0_1(cw_tid, cw_bid, p, q)).x) == 1.0f)) << u32(0i)));
  l = (l | (i32((f32((u___hne2_0_1(cw_tid, cw_bid, p, q)).y) == 1.0f)) << u32(1i)));
  l = (l | (i32((f32((u___hltu2_0_1(cw_tid, cw_bid, p, q)).x) == 1.0f)) << u32(2i)));
  l = (l | (i32((f32((u___hgeu2_0_1(cw_tid, cw_bid, p, q)).y) == 1.0f)) << u32(3i)));
  l = (l | (i32((u___hlt2_mask_0_1(cw_tid, cw_bid, p, q) == 65535u)) << u32(4i)));
  l = (l | (i32((u___hneu2_mask_0_1(cw_tid, cw_bid, p, q) == 4294967295u)) << u32(5i)));
  l = (l | (i32(u___hbeq2_0_1(cw_tid, cw_bid, p, q)) << u32(6i)));
  l = (l | (i32(u___hbneu2_0_1(cw_tid, cw_bid, p, q)) << u32(7i)));
  l = (l | (i32(u___hbltu2_0_1(cw_tid, cw_bid, p, q)) << u32(8i)));
  l = (l | (i32(u___hble2_0_1(cw_tid, cw_bid, p, q)) << u32(9i)));
  l = (l | (i32((f32((u___hisnan2_0_1(cw_tid, cw_bid, p)).x) == 1.0f)) << u32(10i)));
  u___tmp275 = p;
  u___tmp274 = q;
  l = (l | (i32((!(((u___tmp275).x == (u___tmp274).x)) && !(((u___tmp275).y == (u___tmp274).y)))) << u32(11i)));
  lanes[i] = l;
  var x: u___nv_bfloat16 = u___float2bfloat16(cw_tid, cw_bid, fa);
  var y: u___nv_bfloat16 = u___float2bfloat16(cw_tid, cw_bid, fb);
  var r: u___nv_bfloat162 = u___halves2bfloat162(cw_tid, cw_bid, x, y);
  var s: u___nv_bfloat162 = u___halves2bfloat162(cw_tid, cw_bid, y, x);
  var k: i32 = 0i;
  k = (k | (i32(u___hequ_0(cw_tid, cw_bid, x, y)) << u32(0i)));
  k = (k | (i32(u___hne_0(cw_tid, cw_bid, x, y)) << u32(1i)));
  k = (k | (i32(u___hgeu_0(cw_tid, cw_bid, x, y)) << u32(2i)));
  k = (k | (i32(u___hle_0(cw_tid, cw_bid, x, y)) << u32(3i)));
  k = (k | (i32((u___low2float(cw_tid, cw_bid, u___hgtu2_0(cw_tid, cw_bid, r, s)) == 1.0f)) << u32(4i)));
  k = (k | (i32((u___hge2_mask_0(cw_tid, cw_bid, r, s) == 4294901760u)) << u32(5i)));
  k = (k | (i32(u___hbne2_0(cw_tid, cw_bid, r, s)) << u32(6i)));
  k = (k | (i32(u___hbgeu2_0(cw_tid, cw_bid, r, s)) << u32(7i)));
  k = (k | (i32((u___high2float(cw_tid, cw_bid, u___hisnan2_0(cw_tid, cw_bid, r)) == 1.0f)) << u32(8i)));
  k = (k | (i32(operator_21(cw_tid, cw_bid, r, s)) << u32(9i)));
  k = (k | (i32(u___hisnan(cw_tid, cw_bid, u___hmax_nan_0(cw_tid, cw_bid, x, y))) << u32(10i)));
  bf[i] = k;
}

