// ==== kernel blockVotes ====
// kernel blockVotes, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) threshold: f32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<i32>;
var<workgroup> cw_count: atomic<u32>;

fn cw_lin(t: vec3<u32>) -> u32 { return t.x + cw_bx * (t.y + cw_by * t.z); }

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn blockVotes(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var threshold = cw_p.threshold;
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  var above: i32 = i32((x[i] > threshold));
  if ((above != 0i)) { atomicAdd(&cw_count, 1u); }
  storageBarrier();
  workgroupBarrier();
  let cw_t0 = atomicLoad(&cw_count);
  workgroupBarrier();
  if (cw_lin(cw_tid) == 0u) { atomicStore(&cw_count, 0u); }
  workgroupBarrier();
  var count: i32 = i32(cw_t0);
  if ((above != 0i)) { atomicAdd(&cw_count, 1u); }
  storageBarrier();
  workgroupBarrier();
  let cw_t1 = atomicLoad(&cw_count);
  workgroupBarrier();
  if (cw_lin(cw_tid) == 0u) { atomicStore(&cw_count, 0u); }
  workgroupBarrier();
  var u_all: i32 = select(0i, 1i, cw_t1 == cw_bx * cw_by * cw_bz);
  if ((i32((x[i] > (2.0f * threshold))) != 0i)) { atomicAdd(&cw_count, 1u); }
  storageBarrier();
  workgroupBarrier();
  let cw_t2 = atomicLoad(&cw_count);
  workgroupBarrier();
  if (cw_lin(cw_tid) == 0u) { atomicStore(&cw_count, 0u); }
  workgroupBarrier();
  var u_any: i32 = select(0i, 1i, cw_t2 != 0u);
  if ((cw_tid.x == 0u)) {
    out[((3u * cw_bid.x) + 0u)] = count;
    out[((3u * cw_bid.x) + 1u)] = u_all;
    out[((3u * cw_bid.x) + 2u)] = u_any;
  }
}

// ==== kernel compactCount ====
// kernel compactCount, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> in: array<i32>;
@group(0) @binding(2) var<storage, read_write> out: array<i32>;
@group(0) @binding(3) var<storage, read_write> counts: array<i32>;
var<workgroup> pos: atomic<i32>;
var<workgroup> cw_count: atomic<u32>;

fn cw_lin(t: vec3<u32>) -> u32 { return t.x + cw_bx * (t.y + cw_by * t.z); }

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn compactCount(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  if ((cw_tid.x == 0u)) {
    atomicStore(&pos, 0i);
  }
  storageBarrier();
  workgroupBarrier();
  var v: i32 = in[((cw_bid.x * cw_bx) + cw_tid.x)];
  var keep: bool = ((v % 2i) == 0i);
  if ((i32(keep) != 0i)) { atomicAdd(&cw_count, 1u); }
  storageBarrier();
  workgroupBarrier();
  let cw_t0 = atomicLoad(&cw_count);
  workgroupBarrier();
  if (cw_lin(cw_tid) == 0u) { atomicStore(&cw_count, 0u); }
  workgroupBarrier();
  var total: i32 = i32(cw_t0);
  if (keep) {
    _ = atomicAdd(&pos, 1i);
  }
  out[((cw_bid.x * cw_bx) + cw_tid.x)] = select((-1i), v, keep);
  storageBarrier();
  workgroupBarrier();
  storageBarrier();
  workgroupBarrier();
  if ((cw_tid.x == 0u)) {
    counts[(2u * cw_bid.x)] = total;
    counts[((2u * cw_bid.x) + 1u)] = atomicLoad(&pos);
  }
}

