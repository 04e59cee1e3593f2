// ==== kernel groupedHistogram ====
// kernel groupedHistogram, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) n: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> keys: array<i32>;
@group(0) @binding(2) var<storage, read_write> hist: array<atomic<u32>>;
var<workgroup> cw_wx: array<u32, cw_bx * cw_by * cw_bz>;

fn cw_lin(t: vec3<u32>) -> u32 { return t.x + cw_bx * (t.y + cw_by * t.z); }

fn cw_ffs(x: i32) -> i32 { return select(i32(firstTrailingBit(u32(x))) + 1, 0, x == 0); }

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn groupedHistogram(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  var key: i32 = select((-1i), (keys[i] & 15i), (i < n));
  let cw_t0 = 4294967295u;
  let cw_t1 = bitcast<u32>(key);
  cw_wx[cw_lin(cw_tid)] = cw_t1;
  workgroupBarrier();
  let cw_t3 = cw_lin(cw_tid) - cw_lin(cw_tid) % 32u;
  var cw_t2 = 0u;
  for (var cw_l = 0u; cw_l < 32u && cw_t3 + cw_l < cw_bx * cw_by * cw_bz; cw_l++) {
    if (((cw_t0 >> cw_l) & 1u) != 0u) { cw_t2 = cw_t2 | (select(0u, 1u, cw_wx[cw_t3 + cw_l] == cw_t1) << cw_l); }
  }
  workgroupBarrier();
  var peers: u32 = cw_t2;
  var leader: i32 = (cw_ffs(i32(peers)) - 1i);
  var lane: i32 = i32((cw_tid.x & 31u));
  if (((key >= 0i) && (lane == leader))) {
    _ = atomicAdd(&hist[key], u32(i32(countOneBits(peers))));
  }
}

// ==== kernel matchAll ====
// kernel matchAll, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> v: array<i32>;
@group(0) @binding(2) var<storage, read_write> out: array<i32>;
var<workgroup> cw_wx: array<u32, cw_bx * cw_by * cw_bz>;

fn cw_lin(t: vec3<u32>) -> u32 { return t.x + cw_bx * (t.y + cw_by * t.z); }

fn cw_warp_mask(t: vec3<u32>) -> u32 {
  let n = min(32u, cw_bx * cw_by * cw_bz - (cw_lin(t) - cw_lin(t) % 32u));
  return select((1u << n) - 1u, 0xffffffffu, n == 32u);
}

fn cw_shl64(a: vec2<u32>, n: u32) -> vec2<u32> {
  let s = n & 63u;
  if (s == 0u) { return a; }
  if (s >= 32u) { return vec2<u32>(0u, a.x << (s - 32u)); }
  return vec2<u32>(a.x << s, (a.y << s) | (a.x >> (32u - s)));
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn matchAll(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var pred: i32 = 0i;
  let cw_t0 = 4294967295u;
  let cw_t1 = bitcast<u32>(v[cw_tid.x]);
  cw_wx[cw_lin(cw_tid)] = cw_t1;
  workgroupBarrier();
  let cw_t3 = cw_lin(cw_tid) - cw_lin(cw_tid) % 32u;
  var cw_t2 = 0u;
  for (var cw_l = 0u; cw_l < 32u && cw_t3 + cw_l < cw_bx * cw_by * cw_bz; cw_l++) {
    if (((cw_t0 >> cw_l) & 1u) != 0u) { cw_t2 = cw_t2 | (select(0u, 1u, cw_wx[cw_t3 + cw_l] == cw_t1) << cw_l); }
  }
  workgroupBarrier();
  let cw_t4 = cw_t2 == (cw_t0 & cw_warp_mask(cw_tid));
  pred = select(0i, 1i, cw_t4);
  var m: u32 = select(0u, cw_t0, cw_t4);
  var wide: vec2<u32> = cw_shl64(vec2<u32>(bitcast<u32>(v[cw_tid.x]), select(0u, 0xffffffffu, v[cw_tid.x] < 0i)), u32(33i));
  let cw_t5 = 4294967295u;
  let cw_t6 = wide;
  cw_wx[cw_lin(cw_tid)] = cw_t6.y;
  workgroupBarrier();
  let cw_t8 = cw_lin(cw_tid) - cw_lin(cw_tid) % 32u;
  var cw_t7 = 0u;
  for (var cw_l = 0u; cw_l < 32u && cw_t8 + cw_l < cw_bx * cw_by * cw_bz; cw_l++) {
    if (((cw_t5 >> cw_l) & 1u) != 0u) { cw_t7 = cw_t7 | (select(0u, 1u, cw_wx[cw_t8 + cw_l] == cw_t6.y) << cw_l); }
  }
  workgroupBarrier();
  cw_wx[cw_lin(cw_tid)] = cw_t6.x;
  workgroupBarrier();
  let cw_t10 = cw_lin(cw_tid) - cw_lin(cw_tid) % 32u;
  var cw_t9 = 0u;
  for (var cw_l = 0u; cw_l < 32u && cw_t10 + cw_l < cw_bx * cw_by * cw_bz; cw_l++) {
    if (((cw_t5 >> cw_l) & 1u) != 0u) { cw_t9 = cw_t9 | (select(0u, 1u, cw_wx[cw_t10 + cw_l] == cw_t6.x) << cw_l); }
  }
  workgroupBarrier();
  var m64: u32 = (cw_t9 & cw_t7);
  if (((cw_tid.x & 31u) == 0u)) {
    out[(2u * (cw_tid.x / 32u))] = pred;
    out[((2u * (cw_tid.x / 32u)) + 1u)] = i32((m == m64));
  }
}

