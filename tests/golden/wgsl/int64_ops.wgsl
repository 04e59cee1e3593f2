// ==== kernel int64Ops ====
// kernel int64Ops, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) n: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> in: array<i32>;
@group(0) @binding(2) var<storage, read_write> out: array<vec2<u32>>;

fn cw_f32_bits(b: u32) -> f32 { return bitcast<f32>(b); }

fn cw_add64(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> { let lo = a.x + b.x; return vec2<u32>(lo, a.y + b.y + select(0u, 1u, lo < a.x)); }

fn cw_sub64(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> { return vec2<u32>(a.x - b.x, a.y - b.y - select(0u, 1u, a.x < b.x)); }

fn cw_mul32x32(a: u32, b: u32) -> vec2<u32> {
  let al = a & 0xffffu; let ah = a >> 16u; let bl = b & 0xffffu; let bh = b >> 16u;
  let ll = al * bl; let lh = al * bh; let hl = ah * bl;
  let mid = (ll >> 16u) + (lh & 0xffffu) + (hl & 0xffffu);
  return vec2<u32>((ll & 0xffffu) | (mid << 16u), ah * bh + (lh >> 16u) + (hl >> 16u) + (mid >> 16u));
}

fn cw_mul64(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> { let p = cw_mul32x32(a.x, b.x); return vec2<u32>(p.x, p.y + a.x * b.y + a.y * b.x); }

fn cw_shl64(a: vec2<u32>, n: u32) -> vec2<u32> {
  let s = n & 63u;
  if (s == 0u) { return a; }
  if (s >= 32u) { return vec2<u32>(0u, a.x << (s - 32u)); }
  return vec2<u32>(a.x << s, (a.y << s) | (a.x >> (32u - s)));
}

fn cw_shr64u(a: vec2<u32>, n: u32) -> vec2<u32> {
  let s = n & 63u;
  if (s == 0u) { return a; }
  if (s >= 32u) { return vec2<u32>(a.y >> (s - 32u), 0u); }
  return vec2<u32>((a.x >> s) | (a.y << (32u - s)), a.y >> s);
}

fn cw_shr64s(a: vec2<u32>, n: u32) -> vec2<u32> {
  let s = n & 63u; let h = bitcast<i32>(a.y);
  if (s == 0u) { return a; }
  if (s >= 32u) { return vec2<u32>(bitcast<u32>(h >> (s - 32u)), bitcast<u32>(h >> 31u)); }
  return vec2<u32>((a.x >> s) | (a.y << (32u - s)), bitcast<u32>(h >> s));
}

fn cw_lt64u(a: vec2<u32>, b: vec2<u32>) -> bool { return a.y < b.y || (a.y == b.y && a.x < b.x); }

fn cw_lt64s(a: vec2<u32>, b: vec2<u32>) -> bool { let x = bitcast<i32>(a.y); let y = bitcast<i32>(b.y); return x < y || (x == y && a.x < b.x); }

fn cw_udivmod64(n: vec2<u32>, d: vec2<u32>) -> vec4<u32> {
  var q = vec2<u32>(0u, 0u);
  var r = vec2<u32>(0u, 0u);
  for (var i = 63i; i >= 0i; i--) {
    r = cw_shl64(r, 1u);
    r.x = r.x | select((n.x >> u32(i)) & 1u, (n.y >> u32(i - 32i)) & 1u, i >= 32i);
    if (!cw_lt64u(r, d)) {
      r = cw_sub64(r, d);
      if (i >= 32i) { q.y = q.y | (1u << u32(i - 32i)); } else { q.x = q.x | (1u << u32(i)); }
    }
  }
  return vec4<u32>(q, r);
}

fn cw_div64u(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> { return cw_udivmod64(a, b).xy; }

fn cw_mod64u(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> { return cw_udivmod64(a, b).zw; }

fn cw_abs64(a: vec2<u32>) -> vec2<u32> { return select(a, cw_sub64(vec2<u32>(0u, 0u), a), (a.y >> 31u) == 1u); }

fn cw_div64s(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> {
  let q = cw_udivmod64(cw_abs64(a), cw_abs64(b)).xy;
  return select(q, cw_sub64(vec2<u32>(0u, 0u), q), ((a.y ^ b.y) >> 31u) == 1u);
}

fn cw_mod64s(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> {
  let r = cw_udivmod64(cw_abs64(a), cw_abs64(b)).zw;
  return select(r, cw_sub64(vec2<u32>(0u, 0u), r), (a.y >> 31u) == 1u);
}

fn cw_u64f(a: vec2<u32>) -> f32 {
  if (a.y == 0u && a.x < 0x1000000u) { return f32(a.x); }
  let lz = u32(cw_clz64(a)); let n = cw_shl64(a, lz);
  var m = n.y >> 8u;
  if (((n.y >> 7u) & 1u) == 1u && (((n.y & 0x7fu) | n.x) != 0u || (m & 1u) == 1u)) { m = m + 1u; }
  return bitcast<f32>(((189u - lz) << 23u) + m);
}

fn cw_i64f(a: vec2<u32>) -> f32 { let f = cw_u64f(cw_abs64(a)); return select(f, -f, (a.y >> 31u) == 1u); }

fn cw_f2u64(x: f32) -> vec2<u32> { let h = floor(x / 4294967296.0f); return vec2<u32>(u32(x - h * 4294967296.0f), u32(h)); }

fn cw_f2i64(x: f32) -> vec2<u32> { let m = cw_f2u64(abs(trunc(x))); return select(m, cw_sub64(vec2<u32>(0u, 0u), m), x < 0.0f); }

fn cw_popc64(a: vec2<u32>) -> i32 { return i32(countOneBits(a.x) + countOneBits(a.y)); }

fn cw_clz64(a: vec2<u32>) -> i32 { return i32(select(countLeadingZeros(a.x) + 32u, countLeadingZeros(a.y), a.y != 0u)); }

fn cw_ffs64(a: vec2<u32>) -> i32 { if (a.x != 0u) { return i32(firstTrailingBit(a.x)) + 1; } if (a.y != 0u) { return i32(firstTrailingBit(a.y)) + 33; } return 0; }

fn cw_brev64(a: vec2<u32>) -> vec2<u32> { return vec2<u32>(reverseBits(a.y), reverseBits(a.x)); }

fn cw_umul64hi(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> {
  let ll = cw_mul32x32(a.x, b.x); let lh = cw_mul32x32(a.x, b.y);
  let hl = cw_mul32x32(a.y, b.x); let hh = cw_mul32x32(a.y, b.y);
  let mid = cw_add64(cw_add64(vec2<u32>(ll.y, 0u), vec2<u32>(lh.x, 0u)), vec2<u32>(hl.x, 0u));
  return cw_add64(cw_add64(cw_add64(hh, vec2<u32>(lh.y, 0u)), vec2<u32>(hl.y, 0u)), vec2<u32>(mid.y, 0u));
}

fn cw_mul64hi(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> {
  var h = cw_umul64hi(a, b);
  if ((a.y >> 31u) == 1u) { h = cw_sub64(h, b); }
  if ((b.y >> 31u) == 1u) { h = cw_sub64(h, a); }
  return h;
}

fn splitmix(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_z: vec2<u32>) -> vec2<u32> {
  var z = cw_a_z;
  z = cw_add64(z, vec2<u32>(2135587861u, 2654435769u));
  z = cw_mul64((z ^ cw_shr64u(z, u32(30i))), vec2<u32>(484763065u, 3210233709u));
  z = cw_mul64((z ^ cw_shr64u(z, u32(27i))), vec2<u32>(321982955u, 2496678331u));
  return (z ^ cw_shr64u(z, u32(31i)));
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn int64Ops(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var i: vec2<u32> = cw_add64(cw_mul64(vec2<u32>(cw_bid.x, 0u), vec2<u32>(cw_bx, 0u)), vec2<u32>(cw_tid.x, 0u));
  if (!cw_lt64u(i, vec2<u32>(bitcast<u32>(n), select(0u, 0xffffffffu, n < 0i)))) {
    return;
  }
  var s: i32 = bitcast<i32>(cw_mod64u(i, vec2<u32>(64u, 0u)).x);
  var a: vec2<u32> = splitmix(cw_tid, cw_bid, cw_add64(cw_mul64(i, vec2<u32>(2u, 0u)), vec2<u32>(bitcast<u32>(in[bitcast<i32>(i.x)]), select(0u, 0xffffffffu, in[bitcast<i32>(i.x)] < 0i))));
  var b: vec2<u32> = splitmix(cw_tid, cw_bid, cw_add64(cw_mul64(i, vec2<u32>(2u, 0u)), vec2<u32>(1u, 0u)));
  var d: vec2<u32> = (cw_shr64u(b, u32(s)) | vec2<u32>(1u, 0u));
  var sa: vec2<u32> = a;
  var sd: vec2<u32> = select(d, cw_sub64(vec2<u32>(0u, 0u), d), any((i & vec2<u32>(1u, 0u)) != vec2<u32>(0u, 0u)));
  if (all(cw_mod64u(i, vec2<u32>(5u, 0u)) == vec2<u32>(0u, 0u))) {
    sa = vec2<u32>(bitcast<u32>(bitcast<i32>(a.x)), select(0u, 0xffffffffu, bitcast<i32>(a.x) < 0i));
  }
  var po_o: i32 = (0i + bitcast<i32>(cw_mul64(vec2<u32>(28u, 0u), i).x));
  out[po_o + 0i] = cw_add64(a, b);
  out[po_o + 1i] = cw_sub64(a, b);
  out[po_o + 2i] = cw_mul64(a, b);
  out[po_o + 3i] = cw_div64u(a, d);
  out[po_o + 4i] = cw_mod64u(a, d);
  out[po_o + 5i] = cw_div64s(sa, sd);
  out[po_o + 6i] = cw_mod64s(sa, sd);
  out[po_o + 7i] = cw_shl64(a, u32(s));
  out[po_o + 8i] = cw_shr64u(a, u32(s));
  out[po_o + 9i] = cw_shr64s(sa, u32(s));
  out[po_o + 10i] = vec2<u32>(bitcast<u32>((((((((i32(cw_lt64u(a, b)) | (i32(cw_lt64s(sa, sd)) << u32(1i))) | (i32(!cw_lt64u(d, a)) << u32(2i))) | (i32(!cw_lt64s(sa, sd)) << u32(3i))) | (i32(all(a == a)) << u32(4i))) | (i32(any(a != b)) << u32(5i))) | (i32(cw_lt64s(b, sa)) << u32(6i))) | (i32(cw_lt64u(vec2<u32>(4294967295u, 0u), a)) << u32(7i)))), select(0u, 0xffffffffu, (((((((i32(cw_lt64u(a, b)) | (i32(cw_lt64s(sa, sd)) << u32(1i))) | (i32(!cw_lt64u(d, a)) << u32(2i))) | (i32(!cw_lt64s(sa, sd)) << u32(3i))) | (i32(all(a == a)) << u32(4i))) | (i32(any(a != b)) << u32(5i))) | (i32(cw_lt64s(b, sa)) << u32(6i))) | (i32(cw_lt64u(vec2<u32>(4294967295u, 0u), a)) << u32(7i))) < 0i));
  out[po_o + 11i] = (select(b, a, cw_lt64u(a, b)) ^ select(sd, sa, cw_lt64s(sd, sa)));
  out[po_o + 12i] = (vec2<u32>(bitcast<u32>(cw_u64f(a)), 0u) | cw_shl64(vec2<u32>(bitcast<u32>(cw_i64f(sa)), 0u), u32(32i)));
  var f: f32 = cw_f32_bits((((127u + u32(s)) << u32(23i)) | ((a & vec2<u32>(8388607u, 0u))).x));
  var g: f32 = cw_f32_bits((((127u + u32((s % 63i))) << u32(23i)) | ((b & vec2<u32>(8388607u, 0u))).x));
  out[po_o + 13i] = ((cw_f2u64(f) ^ cw_f2i64((-g))) ^ cw_f2i64((g * 0.75f)));
  out[po_o + 14i] = vec2<u32>(bitcast<u32>(((cw_popc64(a) + (cw_clz64(cw_shr64s(sa, u32(s))) << u32(8i))) + (cw_ffs64(cw_shl64(sa, u32(s))) << u32(16i)))), select(0u, 0xffffffffu, ((cw_popc64(a) + (cw_clz64(cw_shr64s(sa, u32(s))) << u32(8i))) + (cw_ffs64(cw_shl64(sa, u32(s))) << u32(16i))) < 0i));
  out[po_o + 15i] = cw_brev64(a);
  out[po_o + 16i] = cw_umul64hi(a, b);
  out[po_o + 17i] = cw_mul64hi(sa, sd);
  out[po_o + 18i] = cw_add64(cw_abs64(sd), cw_abs64(cw_shr64s(sa, u32(3i))));
  out[po_o + 19i] = cw_add64(cw_add64(cw_add64(cw_add64(vec2<u32>(bitcast<u32>(bitcast<i32>(a.x)), select(0u, 0xffffffffu, bitcast<i32>(a.x) < 0i)), vec2<u32>((cw_shr64u(b, u32(7i))).x, 0u)), vec2<u32>(bitcast<u32>(((bitcast<i32>(a.x) << 16u) >> 16u)), select(0u, 0xffffffffu, ((bitcast<i32>(a.x) << 16u) >> 16u) < 0i))), vec2<u32>(bitcast<u32>(((bitcast<i32>(cw_shr64u(b, u32(3i)).x) << 24u) >> 24u)), select(0u, 0xffffffffu, ((bitcast<i32>(cw_shr64u(b, u32(3i)).x) << 24u) >> 24u) < 0i))), vec2<u32>(bitcast<u32>(bitcast<i32>(b.x)), select(0u, 0xffffffffu, bitcast<i32>(b.x) < 0i)));
  var acc: vec2<u32> = vec2<u32>(0u, 0u);
  {
    var k: vec2<u32> = vec2<u32>(0u, 0u);
    loop {
      if !(cw_lt64u(k, cw_add64(cw_mod64u(i, vec2<u32>(7u, 0u)), vec2<u32>(1u, 0u)))) { break; }
      acc = cw_add64(acc, cw_add64(cw_mul64(k, a), cw_shl64(k, u32(40i))));
      continuing {
        k = cw_add64(k, vec2<u32>(1u, 0u));
      }
    }
  }
  out[po_o + 20i] = acc;
  var x: vec2<u32> = a;
  x = cw_add64(x, b);
  x = cw_mul64(x, vec2<u32>(3u, 0u));
  x = cw_shr64u(x, u32(5i));
  x = (x ^ b);
  x = cw_sub64(x, vec2<u32>(7u, 0u));
  x = cw_shl64(x, u32((s & 15i)));
  x = (x | vec2<u32>(1u, 0u));
  x = cw_mod64u(x, d);
  x = cw_div64u(x, vec2<u32>(3u, 0u));
  var y: vec2<u32> = sa;
  y = cw_sub64(y, sd);
  y = cw_div64s(y, vec2<u32>(7u, 0u));
  y = cw_mod64s(y, vec2<u32>(1000000007u, 0u));
  y = cw_shr64s(y, u32(2i));
  y = cw_mul64(y, vec2<u32>(4294967293u, 4294967295u));
  out[po_o + 21i] = x;
  out[po_o + 22i] = y;
  var z: vec2<u32> = a;
  z = cw_add64(z, vec2<u32>(1u, 0u));
  z = cw_add64(z, vec2<u32>(1u, 0u));
  z = cw_sub64(z, vec2<u32>(1u, 0u));
  let cw_t0 = z;
  z = cw_add64(z, vec2<u32>(1u, 0u));
  var z0: vec2<u32> = cw_t0;
  z = cw_sub64(z, vec2<u32>(1u, 0u));
  out[po_o + 23i] = cw_add64(z0, z);
  out[po_o + 24i] = ((cw_sub64(vec2<u32>(0u, 0u), sa) ^ (~a)) ^ vec2<u32>(select(0u, 1u, !(any(a != vec2<u32>(0u, 0u)))), 0u));
  out[po_o + 25i] = cw_add64(cw_f2i64(f32((bitcast<i32>(cw_shr64u(a, u32(40i)).x) * 3i))), cw_mul64(vec2<u32>(bitcast<u32>((s - 32i)), select(0u, 0xffffffffu, (s - 32i) < 0i)), vec2<u32>(0u, 1u)));
  var po_p: i32 = (0i + bitcast<i32>(i.x));
  var back: vec2<u32> = cw_sub64(vec2<u32>(0u, 0u), cw_mod64u(i, vec2<u32>(3u, 0u)));
  var dist: vec2<u32> = vec2<u32>(bitcast<u32>((0i - po_p)), select(0u, 0xffffffffu, (0i - po_p) < 0i));
  out[po_o + 26i] = cw_add64(cw_add64(vec2<u32>(bitcast<u32>((in[po_p + bitcast<i32>(back.x)] + (po_p - 0i))), select(0u, 0xffffffffu, (in[po_p + bitcast<i32>(back.x)] + (po_p - 0i)) < 0i)), vec2<u32>(select(0u, 1u, ((po_p + 1i) > 0i)), 0u)), cw_add64(cw_mul64(dist, vec2<u32>(1u, 1u)), cw_mul64(vec2<u32>(bitcast<u32>((po_p - 0i)), select(0u, 0xffffffffu, (po_p - 0i) < 0i)), vec2<u32>(3u, 0u))));
  out[po_o + 27i] = cw_add64(cw_div64u(vec2<u32>(0u, 2147483648u), vec2<u32>(bitcast<u32>((s + 1i)), select(0u, 0xffffffffu, (s + 1i) < 0i))), cw_mod64u(cw_sub64(vec2<u32>(1u, 2147483648u), vec2<u32>(1u, 0u)), vec2<u32>(3u, 0u)));
}

// ==== kernel int64Atomics ====
// kernel int64Atomics, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) n: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> in: array<i32>;
@group(0) @binding(2) var<storage, read_write> acc: array<atomic<u32>>;
var<workgroup> blockSum: array<atomic<u32>, 4>;

fn cw_mul32x32(a: u32, b: u32) -> vec2<u32> {
  let al = a & 0xffffu; let ah = a >> 16u; let bl = b & 0xffffu; let bh = b >> 16u;
  let ll = al * bl; let lh = al * bh; let hl = ah * bl;
  let mid = (ll >> 16u) + (lh & 0xffffu) + (hl & 0xffffu);
  return vec2<u32>((ll & 0xffffu) | (mid << 16u), ah * bh + (lh >> 16u) + (hl >> 16u) + (mid >> 16u));
}

fn cw_mul64(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> { let p = cw_mul32x32(a.x, b.x); return vec2<u32>(p.x, p.y + a.x * b.y + a.y * b.x); }

fn cw_shl64(a: vec2<u32>, n: u32) -> vec2<u32> {
  let s = n & 63u;
  if (s == 0u) { return a; }
  if (s >= 32u) { return vec2<u32>(0u, a.x << (s - 32u)); }
  return vec2<u32>(a.x << s, (a.y << s) | (a.x >> (32u - s)));
}

fn add64_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_counter: i32, cw_a_v: vec2<u32>) {
  var po_counter = cw_a_counter;
  var v = cw_a_v;
  let cw_t0 = 2u * u32(po_counter);
  let cw_t1 = v;
  let cw_t2 = atomicAdd(&blockSum[cw_t0], cw_t1.x);
  let cw_t3 = atomicAdd(&blockSum[cw_t0 + 1u], cw_t1.y + select(0u, 1u, cw_t2 + cw_t1.x < cw_t2));
  _ = vec2<u32>(cw_t2, cw_t3);
}

fn add64_1(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_counter: i32, cw_a_v: vec2<u32>) {
  var po_counter = cw_a_counter;
  var v = cw_a_v;
  let cw_t4 = 2u * u32(po_counter);
  let cw_t5 = v;
  let cw_t6 = atomicAdd(&acc[cw_t4], cw_t5.x);
  let cw_t7 = atomicAdd(&acc[cw_t4 + 1u], cw_t5.y + select(0u, 1u, cw_t6 + cw_t5.x < cw_t6));
  _ = vec2<u32>(cw_t6, cw_t7);
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn int64Atomics(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  if ((cw_tid.x < 2u)) {
    let cw_t8 = 2u * cw_tid.x;
    let cw_t9 = vec2<u32>(0u, 0u);
    atomicStore(&blockSum[cw_t8], cw_t9.x); atomicStore(&blockSum[cw_t8 + 1u], cw_t9.y);
  }
  storageBarrier();
  workgroupBarrier();
  if ((i < n)) {
    var v: vec2<u32> = (cw_shl64(vec2<u32>(bitcast<u32>(in[i]), select(0u, 0xffffffffu, in[i] < 0i)), u32(33i)) | vec2<u32>(4294967280u, 0u));
    let cw_t10 = 2u * u32((0i + 0i));
    let cw_t11 = v;
    let cw_t12 = atomicAdd(&acc[cw_t10], cw_t11.x);
    let cw_t13 = atomicAdd(&acc[cw_t10 + 1u], cw_t11.y + select(0u, 1u, cw_t12 + cw_t11.x < cw_t12));
    _ = vec2<u32>(cw_t12, cw_t13);
    let cw_t14 = 2u * u32((0i + 1i));
    let cw_t15 = cw_mul64(vec2<u32>(4294967295u, 0u), vec2<u32>(bitcast<u32>((i + 1i)), select(0u, 0xffffffffu, (i + 1i) < 0i)));
    let cw_t16 = atomicAdd(&acc[cw_t14], cw_t15.x);
    let cw_t17 = atomicAdd(&acc[cw_t14 + 1u], cw_t15.y + select(0u, 1u, cw_t16 + cw_t15.x < cw_t16));
    _ = vec2<u32>(cw_t16, cw_t17);
    let cw_t18 = 2u * u32((0i + 2i));
    let cw_t19 = cw_shl64(vec2<u32>(1u, 0u), u32((i % 64i)));
    let cw_t20 = atomicOr(&acc[cw_t18], cw_t19.x);
    let cw_t21 = atomicOr(&acc[cw_t18 + 1u], cw_t19.y);
    _ = vec2<u32>(cw_t20, cw_t21);
    let cw_t22 = 2u * u32((0i + 3i));
    let cw_t23 = cw_mul64(v, vec2<u32>(2135587861u, 2654435769u));
    let cw_t24 = atomicXor(&acc[cw_t22], cw_t23.x);
    let cw_t25 = atomicXor(&acc[cw_t22 + 1u], cw_t23.y);
    _ = vec2<u32>(cw_t24, cw_t25);
    let cw_t26 = 2u * u32((0i + 4i));
    let cw_t27 = (~cw_shl64(vec2<u32>(1u, 0u), u32(((i * 7i) % 64i))));
    let cw_t28 = atomicAnd(&acc[cw_t26], cw_t27.x);
    let cw_t29 = atomicAnd(&acc[cw_t26 + 1u], cw_t27.y);
    _ = vec2<u32>(cw_t28, cw_t29);
    add64_0(cw_tid, cw_bid, 0i, v);
    let cw_t30 = 2u * u32(1i);
    let cw_t31 = vec2<u32>(4294967295u, 15u);
    let cw_t32 = atomicAdd(&blockSum[cw_t30], cw_t31.x);
    let cw_t33 = atomicAdd(&blockSum[cw_t30 + 1u], cw_t31.y + select(0u, 1u, cw_t32 + cw_t31.x < cw_t32));
    _ = vec2<u32>(cw_t32, cw_t33);
    add64_1(cw_tid, cw_bid, (0i + 7i), vec2<u32>(2147483649u, 0u));
  }
  storageBarrier();
  workgroupBarrier();
  if ((cw_tid.x < 2u)) {
    let cw_t34 = 2u * u32((0i + i32((5u + cw_tid.x))));
    let cw_t35 = 2u * cw_tid.x;
    let cw_t36 = vec2<u32>(atomicLoad(&blockSum[cw_t35]), atomicLoad(&blockSum[cw_t35 + 1u]));
    let cw_t37 = atomicAdd(&acc[cw_t34], cw_t36.x);
    let cw_t38 = atomicAdd(&acc[cw_t34 + 1u], cw_t36.y + select(0u, 1u, cw_t37 + cw_t36.x < cw_t37));
    _ = vec2<u32>(cw_t37, cw_t38);
  }
}

