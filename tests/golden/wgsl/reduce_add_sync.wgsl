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
  let cw_t1 = cw_lin(cw_tid) - cw_lin(cw_tid) % 32u;
  var cw_t0 = 0u;
  for (var cw_l = 0u; cw_l < 32u && cw_t1 + cw_l < cw_bx * cw_by * cw_bz; cw_l++) {
    cw_t0 = cw_t0 + cw_wx[cw_t1 + cw_l];
  }
  workgroupBarrier();
  var s: u32 = cw_t0;
  cw_wx[cw_lin(cw_tid)] = vmin;
  workgroupBarrier();
  let cw_t3 = cw_lin(cw_tid) - cw_lin(cw_tid) % 32u;
  var cw_t2 = 0xffffffffu;
  for (var cw_l = 0u; cw_l < 32u && cw_t3 + cw_l < cw_bx * cw_by * cw_bz; cw_l++) {
    cw_t2 = min(cw_t2, cw_wx[cw_t3 + cw_l]);
  }
  workgroupBarrier();
  var lo: u32 = cw_t2;
  cw_wx[cw_lin(cw_tid)] = v;
  workgroupBarrier();
  let cw_t5 = cw_lin(cw_tid) - cw_lin(cw_tid) % 32u;
  var cw_t4 = 0u;
  for (var cw_l = 0u; cw_l < 32u && cw_t5 + cw_l < cw_bx * cw_by * cw_bz; cw_l++) {
    cw_t4 = max(cw_t4, cw_wx[cw_t5 + cw_l]);
  }
  workgroupBarrier();
  var hi: u32 = cw_t4;
  cw_wx[cw_lin(cw_tid)] = v;
  workgroupBarrier();
  let cw_t7 = cw_lin(cw_tid) - cw_lin(cw_tid) % 32u;
  var cw_t6 = 0u;
  for (var cw_l = 0u; cw_l < 32u && cw_t7 + cw_l < cw_bx * cw_by * cw_bz; cw_l++) {
    cw_t6 = cw_t6 | cw_wx[cw_t7 + cw_l];
  }
  workgroupBarrier();
  var bits: u32 = cw_t6;
  if (((cw_tid.x & 31u) == 0u)) {
    _ = atomicAdd(&out[(0i + 0i)], s);
    _ = atomicMin(&out[(0i + 1i)], lo);
    _ = atomicMax(&out[(0i + 2i)], hi);
    _ = atomicOr(&out[(0i + 3i)], bits);
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

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn countOdd(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  var odd: u32 = select(0u, (in[i] & 1u), (i < n));
  cw_wx[cw_lin(cw_tid)] = odd;
  workgroupBarrier();
  let cw_t1 = cw_lin(cw_tid) - cw_lin(cw_tid) % 32u;
  var cw_t0 = 0u;
  for (var cw_l = 0u; cw_l < 32u && cw_t1 + cw_l < cw_bx * cw_by * cw_bz; cw_l++) {
    cw_t0 = cw_t0 + cw_wx[cw_t1 + cw_l];
  }
  workgroupBarrier();
  var warpCount: u32 = cw_t0;
  if (((cw_tid.x % 32u) == 0u)) {
    _ = atomicAdd(&count[0], warpCount);
  }
}

