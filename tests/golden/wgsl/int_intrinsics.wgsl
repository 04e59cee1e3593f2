// ==== kernel bitOps ====
// kernel bitOps, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) n: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> in: array<u32>;
@group(0) @binding(2) var<storage, read_write> out: array<u32>;

fn cw_ffs(x: i32) -> i32 { return select(i32(firstTrailingBit(u32(x))) + 1, 0, x == 0); }

fn cw_byte_perm(x: u32, y: u32, s: u32) -> u32 {
  var r = 0u;
  for (var i = 0u; i < 4u; i++) {
    let sel = (s >> (4u * i)) & 7u;
    let b = select((y >> (8u * (sel - 4u))), (x >> (8u * (sel & 3u))), sel < 4u) & 0xffu;
    r = r | (b << (8u * i));
  }
  return r;
}

fn cw_usad(a: u32, b: u32, c: u32) -> u32 { return select(b - a, a - b, a > b) + c; }

fn cw_uhadd(a: u32, b: u32) -> u32 { return (a >> 1u) + (b >> 1u) + (a & b & 1u); }

fn cw_urhadd(a: u32, b: u32) -> u32 { return (a >> 1u) + (b >> 1u) + ((a | b) & 1u); }

fn cw_funnel_l(lo: u32, hi: u32, s: u32) -> u32 { let n = s & 31u; if (n == 0u) { return hi; } return (hi << n) | (lo >> (32u - n)); }

fn cw_funnel_r(lo: u32, hi: u32, s: u32) -> u32 { let n = s & 31u; if (n == 0u) { return lo; } return (lo >> n) | (hi << (32u - n)); }

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn bitOps(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  if ((i >= n)) {
    return;
  }
  var v: u32 = in[i];
  var po_o: i32 = (0i + (8i * i));
  out[po_o + 0i] = u32(i32(countOneBits(v)));
  out[po_o + 1i] = u32(countLeadingZeros(i32(v)));
  out[po_o + 2i] = u32(cw_ffs(i32(v)));
  out[po_o + 3i] = reverseBits(v);
  out[po_o + 4i] = (cw_byte_perm(v, 19088743u, 12816u) ^ cw_byte_perm(v, 0u, 291u));
  out[po_o + 5i] = (cw_funnel_l(v, (v >> u32(3i)), 7u) + cw_funnel_r(v, (~v), 5u));
  out[po_o + 6i] = ((v << u32(13i)) | (v >> u32(19i)));
  out[po_o + 7i] = ((cw_usad((v & 65535u), (v >> u32(16i)), 1u) + cw_uhadd(v, 12345u)) + cw_urhadd(v, 7u));
}

// ==== kernel bitOps64 ====
// kernel bitOps64, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) n: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> in: array<vec2<u32>>;
@group(0) @binding(2) var<storage, read_write> out: array<vec2<u32>>;

fn cw_popc64(a: vec2<u32>) -> i32 { return i32(countOneBits(a.x) + countOneBits(a.y)); }

fn cw_clz64(a: vec2<u32>) -> i32 { return i32(select(countLeadingZeros(a.x) + 32u, countLeadingZeros(a.y), a.y != 0u)); }

fn cw_ffs64(a: vec2<u32>) -> i32 { if (a.x != 0u) { return i32(firstTrailingBit(a.x)) + 1; } if (a.y != 0u) { return i32(firstTrailingBit(a.y)) + 33; } return 0; }

fn cw_brev64(a: vec2<u32>) -> vec2<u32> { return vec2<u32>(reverseBits(a.y), reverseBits(a.x)); }

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn bitOps64(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  if ((i >= n)) {
    return;
  }
  var v: vec2<u32> = in[i];
  out[((4i * i) + 0i)] = vec2<u32>(bitcast<u32>(cw_popc64(v)), select(0u, 0xffffffffu, cw_popc64(v) < 0i));
  out[((4i * i) + 1i)] = vec2<u32>(bitcast<u32>(cw_clz64(v)), select(0u, 0xffffffffu, cw_clz64(v) < 0i));
  out[((4i * i) + 2i)] = vec2<u32>(bitcast<u32>(cw_ffs64(v)), select(0u, 0xffffffffu, cw_ffs64(v) < 0i));
  out[((4i * i) + 3i)] = cw_brev64(v);
}

// ==== kernel mulOps ====
// kernel mulOps, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) n: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> a: array<i32>;
@group(0) @binding(2) var<storage, read> b: array<i32>;
@group(0) @binding(3) var<storage, read_write> out: array<i32>;

fn cw_add64(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> { let lo = a.x + b.x; return vec2<u32>(lo, a.y + b.y + select(0u, 1u, lo < a.x)); }

fn cw_sub64(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> { return vec2<u32>(a.x - b.x, a.y - b.y - select(0u, 1u, a.x < b.x)); }

fn cw_mul32x32(a: u32, b: u32) -> vec2<u32> {
  let al = a & 0xffffu; let ah = a >> 16u; let bl = b & 0xffffu; let bh = b >> 16u;
  let ll = al * bl; let lh = al * bh; let hl = ah * bl;
  let mid = (ll >> 16u) + (lh & 0xffffu) + (hl & 0xffffu);
  return vec2<u32>((ll & 0xffffu) | (mid << 16u), ah * bh + (lh >> 16u) + (hl >> 16u) + (mid >> 16u));
}

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

fn cw_umulhi(a: u32, b: u32) -> u32 { return cw_mul32x32(a, b).y; }

fn cw_mulhi(a: i32, b: i32) -> i32 {
  var h = cw_umulhi(u32(a), u32(b));
  if (a < 0) { h = h - u32(b); }
  if (b < 0) { h = h - u32(a); }
  return i32(h);
}

fn cw_mul24(a: i32, b: i32) -> i32 { return ((a << 8u) >> 8u) * ((b << 8u) >> 8u); }

fn cw_umul24(a: u32, b: u32) -> u32 { return (a & 0xffffffu) * (b & 0xffffffu); }

fn cw_sad(a: i32, b: i32, c: u32) -> u32 { return u32(abs(a - b)) + c; }

fn cw_hadd(a: i32, b: i32) -> i32 { return (a >> 1u) + (b >> 1u) + (a & b & 1); }

fn cw_rhadd(a: i32, b: i32) -> i32 { return (a >> 1u) + (b >> 1u) + ((a | b) & 1); }

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn mulOps(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  if ((i >= n)) {
    return;
  }
  var x: i32 = a[i];
  var y: i32 = b[i];
  out[((5i * i) + 0i)] = cw_mul24(x, y);
  out[((5i * i) + 1i)] = i32(cw_umul24(u32(x), u32(y)));
  out[((5i * i) + 2i)] = (cw_mulhi(x, y) ^ i32(cw_umulhi(u32(x), u32(y))));
  out[((5i * i) + 3i)] = bitcast<i32>((cw_mul64hi(vec2<u32>(bitcast<u32>(x), select(0u, 0xffffffffu, x < 0i)), vec2<u32>(bitcast<u32>(y), select(0u, 0xffffffffu, y < 0i))) ^ cw_umul64hi(vec2<u32>(bitcast<u32>(x), select(0u, 0xffffffffu, x < 0i)), vec2<u32>(3u, 0u))).x);
  out[((5i * i) + 4i)] = i32((((((cw_sad((x & 255i), (y & 255i), 0u) + u32(cw_hadd(x, y))) + u32(cw_rhadd(x, y))) + u32(abs((x % 100i)))) + u32((min(x, y) % 7i))) + u32((max(x, y) % 5i))));
}

