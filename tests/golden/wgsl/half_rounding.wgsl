// ==== kernel halfRounding ====
// kernel halfRounding, from <source> by cuwasm

enable f16; // __half: needs an adapter with shader-f16

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) n: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read_write> out: array<atomic<u32>>;

fn cw_f32_bits(b: u32) -> f32 { return bitcast<f32>(b); }

fn cw_half_as_ushort(h: f16) -> u32 { return pack2x16float(vec2<f32>(f32(h), 0.0)); }

fn cw_ushort_as_half(u: u32) -> f16 { return f16(unpack2x16float(u).x); }

fn hash32(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_x: u32) -> u32 {
  var x = cw_a_x;
  x = (x ^ (x >> u32(16i)));
  x = (x * 2146121005u);
  x = (x ^ (x >> u32(15i)));
  x = (x * 2221713035u);
  return (x ^ (x >> u32(16i)));
}

fn someFloat(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_u: u32) -> f32 {
  var u = cw_a_u;
  var exponent: u32 = (99u + ((u >> u32(24i)) % 45u));
  var mantissa: u32 = (u & 8388607u);
  var pick: u32 = ((u >> u32(20i)) & 3u);
  if ((pick == 0u)) {
    mantissa = ((mantissa & (~8191u)) | 4096u);
  }
  if ((pick == 1u)) {
    mantissa = ((mantissa & (~8191u)) | 4095u);
  }
  return cw_f32_bits((((u & 2147483648u) | (exponent << u32(23i))) | mantissa));
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn halfRounding(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  if ((i >= n)) {
    return;
  }
  var x: f32 = someFloat(cw_tid, cw_bid, hash32(cw_tid, cw_bid, ((3u * u32(i)) + 1u)));
  var y: f32 = someFloat(cw_tid, cw_bid, hash32(cw_tid, cw_bid, ((3u * u32(i)) + 2u)));
  var z: f32 = (someFloat(cw_tid, cw_bid, hash32(cw_tid, cw_bid, ((3u * u32(i)) + 3u))) * 0.00100000005f);
  var a: f16 = f16(x);
  var b: f16 = f16(y);
  var c: f16 = f16(z);
  var p: vec2<f16> = vec2<f16>(a, b);
  var q: vec2<f16> = vec2<f16>(b, c);
  var po_o: i32 = (0i + (12i * i));
  let cw_t0 = u32(po_o + 0i);
  let cw_t1 = ((cw_t0 % 2u) * 16u);
  atomicAnd(&out[(cw_t0 / 2u)], ~(0xffffu << cw_t1)); atomicOr(&out[(cw_t0 / 2u)], (u32(cw_half_as_ushort(a)) & 0xffffu) << cw_t1);
  let cw_t2 = u32(po_o + 1i);
  let cw_t3 = ((cw_t2 % 2u) * 16u);
  atomicAnd(&out[(cw_t2 / 2u)], ~(0xffffu << cw_t3)); atomicOr(&out[(cw_t2 / 2u)], (u32(cw_half_as_ushort(b)) & 0xffffu) << cw_t3);
  let cw_t4 = u32(po_o + 2i);
  let cw_t5 = ((cw_t4 % 2u) * 16u);
  atomicAnd(&out[(cw_t4 / 2u)], ~(0xffffu << cw_t5)); atomicOr(&out[(cw_t4 / 2u)], (u32(cw_half_as_ushort(c)) & 0xffffu) << cw_t5);
  let cw_t6 = u32(po_o + 3i);
  let cw_t7 = ((cw_t6 % 2u) * 16u);
  atomicAnd(&out[(cw_t6 / 2u)], ~(0xffffu << cw_t7)); atomicOr(&out[(cw_t6 / 2u)], (u32(cw_half_as_ushort((a + b))) & 0xffffu) << cw_t7);
  let cw_t8 = u32(po_o + 4i);
  let cw_t9 = ((cw_t8 % 2u) * 16u);
  atomicAnd(&out[(cw_t8 / 2u)], ~(0xffffu << cw_t9)); atomicOr(&out[(cw_t8 / 2u)], (u32(cw_half_as_ushort((a - c))) & 0xffffu) << cw_t9);
  let cw_t10 = u32(po_o + 5i);
  let cw_t11 = ((cw_t10 % 2u) * 16u);
  atomicAnd(&out[(cw_t10 / 2u)], ~(0xffffu << cw_t11)); atomicOr(&out[(cw_t10 / 2u)], (u32(cw_half_as_ushort((a * b))) & 0xffffu) << cw_t11);
  let cw_t12 = u32(po_o + 6i);
  let cw_t13 = ((cw_t12 % 2u) * 16u);
  atomicAnd(&out[(cw_t12 / 2u)], ~(0xffffu << cw_t13)); atomicOr(&out[(cw_t12 / 2u)], (u32(cw_half_as_ushort((b / a))) & 0xffffu) << cw_t13);
  var r: vec2<f16> = ((p * q) + (p - q));
  let cw_t14 = u32(po_o + 7i);
  let cw_t15 = ((cw_t14 % 2u) * 16u);
  atomicAnd(&out[(cw_t14 / 2u)], ~(0xffffu << cw_t15)); atomicOr(&out[(cw_t14 / 2u)], (u32(cw_half_as_ushort((a - b))) & 0xffffu) << cw_t15);
  let cw_t16 = u32(po_o + 8i);
  let cw_t17 = ((cw_t16 % 2u) * 16u);
  atomicAnd(&out[(cw_t16 / 2u)], ~(0xffffu << cw_t17)); atomicOr(&out[(cw_t16 / 2u)], (u32(cw_half_as_ushort((r).x)) & 0xffffu) << cw_t17);
  let cw_t18 = u32(po_o + 9i);
  let cw_t19 = ((cw_t18 % 2u) * 16u);
  atomicAnd(&out[(cw_t18 / 2u)], ~(0xffffu << cw_t19)); atomicOr(&out[(cw_t18 / 2u)], (u32(cw_half_as_ushort((r).y)) & 0xffffu) << cw_t19);
  let cw_t20 = u32(po_o + 10i);
  let cw_t21 = ((cw_t20 % 2u) * 16u);
  atomicAnd(&out[(cw_t20 / 2u)], ~(0xffffu << cw_t21)); atomicOr(&out[(cw_t20 / 2u)], (u32(cw_half_as_ushort(f16(f32(((i * 37i) - 9000i))))) & 0xffffu) << cw_t21);
  let cw_t22 = u32(po_o + 11i);
  let cw_t23 = ((cw_t22 % 2u) * 16u);
  atomicAnd(&out[(cw_t22 / 2u)], ~(0xffffu << cw_t23)); atomicOr(&out[(cw_t22 / 2u)], (u32(cw_half_as_ushort((cw_ushort_as_half(u32(((hash32(cw_tid, cw_bid, u32(i)) & 31743u) & 0xffffu))) + a))) & 0xffffu) << cw_t23);
}

// ==== kernel halfFma ====
// kernel halfFma, from <source> by cuwasm

enable f16; // __half: needs an adapter with shader-f16

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) n: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read_write> out: array<atomic<u32>>;

fn cw_f32_bits(b: u32) -> f32 { return bitcast<f32>(b); }

fn cw_half_as_ushort(h: f16) -> u32 { return pack2x16float(vec2<f32>(f32(h), 0.0)); }

fn hash32(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_x: u32) -> u32 {
  var x = cw_a_x;
  x = (x ^ (x >> u32(16i)));
  x = (x * 2146121005u);
  x = (x ^ (x >> u32(15i)));
  x = (x * 2221713035u);
  return (x ^ (x >> u32(16i)));
}

fn someFloat(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_u: u32) -> f32 {
  var u = cw_a_u;
  var exponent: u32 = (99u + ((u >> u32(24i)) % 45u));
  var mantissa: u32 = (u & 8388607u);
  var pick: u32 = ((u >> u32(20i)) & 3u);
  if ((pick == 0u)) {
    mantissa = ((mantissa & (~8191u)) | 4096u);
  }
  if ((pick == 1u)) {
    mantissa = ((mantissa & (~8191u)) | 4095u);
  }
  return cw_f32_bits((((u & 2147483648u) | (exponent << u32(23i))) | mantissa));
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn halfFma(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  if ((i >= n)) {
    return;
  }
  var a: f16 = f16(someFloat(cw_tid, cw_bid, hash32(cw_tid, cw_bid, ((3u * u32(i)) + 1u))));
  var b: f16 = f16(someFloat(cw_tid, cw_bid, hash32(cw_tid, cw_bid, ((3u * u32(i)) + 2u))));
  var c: f16 = f16((someFloat(cw_tid, cw_bid, hash32(cw_tid, cw_bid, ((3u * u32(i)) + 3u))) * 0.00100000005f));
  var p: vec2<f16> = vec2<f16>(a, b);
  var q: vec2<f16> = vec2<f16>(b, c);
  var r: vec2<f16> = fma(p, q, (p * p));
  var po_o: i32 = (0i + (3i * i));
  let cw_t0 = u32(po_o + 0i);
  let cw_t1 = ((cw_t0 % 2u) * 16u);
  atomicAnd(&out[(cw_t0 / 2u)], ~(0xffffu << cw_t1)); atomicOr(&out[(cw_t0 / 2u)], (u32(cw_half_as_ushort(fma(a, b, c))) & 0xffffu) << cw_t1);
  let cw_t2 = u32(po_o + 1i);
  let cw_t3 = ((cw_t2 % 2u) * 16u);
  atomicAnd(&out[(cw_t2 / 2u)], ~(0xffffu << cw_t3)); atomicOr(&out[(cw_t2 / 2u)], (u32(cw_half_as_ushort((r).x)) & 0xffffu) << cw_t3);
  let cw_t4 = u32(po_o + 2i);
  let cw_t5 = ((cw_t4 % 2u) * 16u);
  atomicAnd(&out[(cw_t4 / 2u)], ~(0xffffu << cw_t5)); atomicOr(&out[(cw_t4 / 2u)], (u32(cw_half_as_ushort((r).y)) & 0xffffu) << cw_t5);
}

