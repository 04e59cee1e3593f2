// ==== kernel warpReduceIntrinsics ====
// kernel warpReduceIntrinsics, from <source> by cuwasm

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
@group(0) @binding(2) var<storage, read_write> out: array<atomic<u32>>;
var<workgroup> cw_wx: array<u32, cw_bx * cw_by * cw_bz>;

fn cw_lin(t: vec3<u32>) -> u32 { return t.x + cw_bx * (t.y + cw_by * t.z); }

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn warpReduceIntrinsics(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  var v: u32 = select(0u, u32(in[i]), (i < n));
  var vmin: u32 = select(4294967295u, u32(in[i]), (i < n));
  cw_wx[cw_lin(cw_tid)] = v;
  workgroupBarrier();
  let cw_t0 = 4294967295u;
  let cw_t2 = cw_lin(cw_tid) - cw_lin(cw_tid) % 32u;
  var cw_t1 = 0u;
  for (var cw_l = 0u; cw_l < 32u && cw_t2 + cw_l < cw_bx * cw_by * cw_bz; cw_l++) {
    if (((cw_t0 >> cw_l) & 1u) != 0u) { cw_t1 = cw_t1 + cw_wx[cw_t2 + cw_l]; }
  }
  workgroupBarrier();
  var s: u32 = cw_t1;
  cw_wx[cw_lin(cw_tid)] = vmin;
  workgroupBarrier();
  let cw_t3 = 4294967295u;
  let cw_t5 = cw_lin(cw_tid) - cw_lin(cw_tid) % 32u;
  var cw_t4 = 0xffffffffu;
  for (var cw_l = 0u; cw_l < 32u && cw_t5 + cw_l < cw_bx * cw_by * cw_bz; cw_l++) {
    if (((cw_t3 >> cw_l) & 1u) != 0u) { cw_t4 = min(cw_t4, cw_wx[cw_t5 + cw_l]); }
  }
  workgroupBarrier();
  var lo: u32 = cw_t4;
  cw_wx[cw_lin(cw_tid)] = v;
  workgroupBarrier();
  let cw_t6 = 4294967295u;
  let cw_t8 = cw_lin(cw_tid) - cw_lin(cw_tid) % 32u;
  var cw_t7 = 0u;
  for (var cw_l = 0u; cw_l < 32u && cw_t8 + cw_l < cw_bx * cw_by * cw_bz; cw_l++) {
    if (((cw_t6 >> cw_l) & 1u) != 0u) { cw_t7 = max(cw_t7, cw_wx[cw_t8 + cw_l]); }
  }
  workgroupBarrier();
  var hi: u32 = cw_t7;
  cw_wx[cw_lin(cw_tid)] = v;
  workgroupBarrier();
  let cw_t9 = 4294967295u;
  let cw_t11 = cw_lin(cw_tid) - cw_lin(cw_tid) % 32u;
  var cw_t10 = 0u;
  for (var cw_l = 0u; cw_l < 32u && cw_t11 + cw_l < cw_bx * cw_by * cw_bz; cw_l++) {
    if (((cw_t9 >> cw_l) & 1u) != 0u) { cw_t10 = cw_t10 | cw_wx[cw_t11 + cw_l]; }
  }
  workgroupBarrier();
  var bits: u32 = cw_t10;
  if (((cw_tid.x & 31u) == 0u)) {
    _ = atomicAdd(&out[0i], s);
    _ = atomicMin(&out[1i], lo);
    _ = atomicMax(&out[2i], hi);
    _ = atomicOr(&out[3i], bits);
  }
}

// ==== kernel countOdd ====
// kernel countOdd, from <source> by cuwasm

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
@group(0) @binding(2) var<storage, read_write> count: array<atomic<u32>>;
var<workgroup> cw_wx: array<u32, cw_bx * cw_by * cw_bz>;

fn cw_lin(t: vec3<u32>) -> u32 { return t.x + cw_bx * (t.y + cw_by * t.z); }

fn cw_warp_mask(t: vec3<u32>) -> u32 {
  let n = min(32u, cw_bx * cw_by * cw_bz - (cw_lin(t) - cw_lin(t) % 32u));
  return select((1u << n) - 1u, 0xffffffffu, n == 32u);
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn countOdd(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  var odd: u32 = select(0u, (in[i] & 1u), (i < n));
  cw_wx[cw_lin(cw_tid)] = odd;
  workgroupBarrier();
  let cw_t0 = cw_warp_mask(cw_tid);
  let cw_t2 = cw_lin(cw_tid) - cw_lin(cw_tid) % 32u;
  var cw_t1 = 0u;
  for (var cw_l = 0u; cw_l < 32u && cw_t2 + cw_l < cw_bx * cw_by * cw_bz; cw_l++) {
    if (((cw_t0 >> cw_l) & 1u) != 0u) { cw_t1 = cw_t1 + cw_wx[cw_t2 + cw_l]; }
  }
  workgroupBarrier();
  var warpCount: u32 = cw_t1;
  if (((cw_tid.x % 32u) == 0u)) {
    _ = atomicAdd(&count[0], warpCount);
  }
}

