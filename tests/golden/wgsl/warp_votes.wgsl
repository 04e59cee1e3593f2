// ==== kernel warpVotes ====
// kernel warpVotes, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> v: array<i32>;
@group(0) @binding(2) var<storage, read_write> out: array<u32>;
var<workgroup> cw_wx: array<u32, cw_bx * cw_by * cw_bz>;

fn cw_lin(t: vec3<u32>) -> u32 { return t.x + cw_bx * (t.y + cw_by * t.z); }

fn cw_warp_mask(t: vec3<u32>) -> u32 {
  let n = min(32u, cw_bx * cw_by * cw_bz - (cw_lin(t) - cw_lin(t) % 32u));
  return select((1u << n) - 1u, 0xffffffffu, n == 32u);
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn warpVotes(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  var warp: i32 = (i / 32i);
  var pred: bool = ((v[i] & 1i) != 0i);
  let cw_t0 = 4294967295u;
  cw_wx[cw_lin(cw_tid)] = bitcast<u32>(i32(pred));
  workgroupBarrier();
  let cw_t2 = cw_lin(cw_tid) - cw_lin(cw_tid) % 32u;
  var cw_t1 = 0u;
  for (var cw_l = 0u; cw_l < 32u && cw_t2 + cw_l < cw_bx * cw_by * cw_bz; cw_l++) {
    if (((cw_t0 >> cw_l) & 1u) != 0u) { cw_t1 = cw_t1 | (select(0u, 1u, cw_wx[cw_t2 + cw_l] != 0u) << cw_l); }
  }
  workgroupBarrier();
  var b: u32 = cw_t1;
  let cw_t3 = 4294967295u;
  cw_wx[cw_lin(cw_tid)] = bitcast<u32>(i32(pred));
  workgroupBarrier();
  let cw_t5 = cw_lin(cw_tid) - cw_lin(cw_tid) % 32u;
  var cw_t4 = 0u;
  for (var cw_l = 0u; cw_l < 32u && cw_t5 + cw_l < cw_bx * cw_by * cw_bz; cw_l++) {
    if (((cw_t3 >> cw_l) & 1u) != 0u) { cw_t4 = cw_t4 | (select(0u, 1u, cw_wx[cw_t5 + cw_l] != 0u) << cw_l); }
  }
  workgroupBarrier();
  var u_all: i32 = select(0i, 1i, cw_t4 == (cw_t3 & cw_warp_mask(cw_tid)));
  let cw_t6 = 4294967295u;
  cw_wx[cw_lin(cw_tid)] = bitcast<u32>(i32((v[i] > 0i)));
  workgroupBarrier();
  let cw_t8 = cw_lin(cw_tid) - cw_lin(cw_tid) % 32u;
  var cw_t7 = 0u;
  for (var cw_l = 0u; cw_l < 32u && cw_t8 + cw_l < cw_bx * cw_by * cw_bz; cw_l++) {
    if (((cw_t6 >> cw_l) & 1u) != 0u) { cw_t7 = cw_t7 | (select(0u, 1u, cw_wx[cw_t8 + cw_l] != 0u) << cw_l); }
  }
  workgroupBarrier();
  var u_any: i32 = select(0i, 1i, cw_t7 != 0u);
  if (((cw_tid.x & 31u) == 0u)) {
    out[((4i * warp) + 0i)] = b;
    out[((4i * warp) + 1i)] = u32(u_all);
    out[((4i * warp) + 2i)] = u32(u_any);
    out[((4i * warp) + 3i)] = u32(i32(countOneBits(b)));
  }
}

// ==== kernel aggregatedAppend ====
// kernel aggregatedAppend, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) n: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> in: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;
@group(0) @binding(3) var<storage, read_write> count: array<atomic<u32>>;
var<workgroup> cw_wx: array<u32, cw_bx * cw_by * cw_bz>;

fn cw_lin(t: vec3<u32>) -> u32 { return t.x + cw_bx * (t.y + cw_by * t.z); }

fn cw_warp_mask(t: vec3<u32>) -> u32 {
  let n = min(32u, cw_bx * cw_by * cw_bz - (cw_lin(t) - cw_lin(t) % 32u));
  return select((1u << n) - 1u, 0xffffffffu, n == 32u);
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn aggregatedAppend(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  var v: f32 = select(0.0f, in[i], (i < n));
  var keep: bool = ((i < n) && (v > 0.5f));
  let cw_t0 = 4294967295u;
  cw_wx[cw_lin(cw_tid)] = bitcast<u32>(i32(keep));
  workgroupBarrier();
  let cw_t2 = cw_lin(cw_tid) - cw_lin(cw_tid) % 32u;
  var cw_t1 = 0u;
  for (var cw_l = 0u; cw_l < 32u && cw_t2 + cw_l < cw_bx * cw_by * cw_bz; cw_l++) {
    if (((cw_t0 >> cw_l) & 1u) != 0u) { cw_t1 = cw_t1 | (select(0u, 1u, cw_wx[cw_t2 + cw_l] != 0u) << cw_l); }
  }
  workgroupBarrier();
  var mask: u32 = cw_t1;
  var lane: i32 = i32((cw_tid.x & 31u));
  var prior: u32 = 0u;
  if (((lane == 0i) && (mask != 0u))) {
    prior = atomicAdd(&count[0], u32(i32(countOneBits(mask))));
  }
  cw_wx[cw_lin(cw_tid)] = prior;
  workgroupBarrier();
  let cw_t3 = cw_lin(cw_tid) % 32u;
  let cw_t5 = u32(0i);
  let cw_t4 = cw_wx[min(cw_lin(cw_tid) - cw_t3 + ((cw_t3 - cw_t3 % u32(32i)) + cw_t5 % u32(32i)), cw_bx * cw_by * cw_bz - 1u)];
  workgroupBarrier();
  prior = cw_t4;
  var before: u32 = u32(i32(countOneBits((mask & ((1u << u32(lane)) - 1u)))));
  if ((keep && (prior <= u32(n)))) {
    out[(u32((i & (~31i))) + before)] = v;
  }
}

// ==== kernel divergentActive ====
// kernel divergentActive, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read_write> out: array<u32>;
var<workgroup> cw_wx: array<u32, cw_bx * cw_by * cw_bz>;

fn cw_lin(t: vec3<u32>) -> u32 { return t.x + cw_bx * (t.y + cw_by * t.z); }

fn cw_warp_mask(t: vec3<u32>) -> u32 {
  let n = min(32u, cw_bx * cw_by * cw_bz - (cw_lin(t) - cw_lin(t) % 32u));
  return select((1u << n) - 1u, 0xffffffffu, n == 32u);
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn divergentActive(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var lane: i32 = i32(cw_tid.x);
  var full: u32 = cw_warp_mask(cw_tid);
  let cw_t0 = full;
  cw_wx[cw_lin(cw_tid)] = bitcast<u32>(i32(((lane % 3i) == 0i)));
  workgroupBarrier();
  let cw_t2 = cw_lin(cw_tid) - cw_lin(cw_tid) % 32u;
  var cw_t1 = 0u;
  for (var cw_l = 0u; cw_l < 32u && cw_t2 + cw_l < cw_bx * cw_by * cw_bz; cw_l++) {
    if (((cw_t0 >> cw_l) & 1u) != 0u) { cw_t1 = cw_t1 | (select(0u, 1u, cw_wx[cw_t2 + cw_l] != 0u) << cw_l); }
  }
  workgroupBarrier();
  var thirds: u32 = cw_t1;
  var m: u32 = 0u;
  let cw_t3 = ((lane % 3i) == 0i); // runs in every thread, undone where false
  let cw_t4 = m;
  {
    let cw_t5 = thirds;
    cw_wx[cw_lin(cw_tid)] = bitcast<u32>((lane & 1i));
    workgroupBarrier();
    let cw_t7 = cw_lin(cw_tid) - cw_lin(cw_tid) % 32u;
    var cw_t6 = 0u;
    for (var cw_l = 0u; cw_l < 32u && cw_t7 + cw_l < cw_bx * cw_by * cw_bz; cw_l++) {
      if (((cw_t5 >> cw_l) & 1u) != 0u) { cw_t6 = cw_t6 | (select(0u, 1u, cw_wx[cw_t7 + cw_l] != 0u) << cw_l); }
    }
    workgroupBarrier();
    m = cw_t6;
  }
  if (!cw_t3) {
    m = cw_t4;
  }
  let cw_t8 = !cw_t3; // the else arm, likewise
  let cw_t9 = m;
  {
    let cw_t10 = (~thirds);
    cw_wx[cw_lin(cw_tid)] = bitcast<u32>((lane & 2i));
    workgroupBarrier();
    let cw_t12 = cw_lin(cw_tid) - cw_lin(cw_tid) % 32u;
    var cw_t11 = 0u;
    for (var cw_l = 0u; cw_l < 32u && cw_t12 + cw_l < cw_bx * cw_by * cw_bz; cw_l++) {
      if (((cw_t10 >> cw_l) & 1u) != 0u) { cw_t11 = cw_t11 | (select(0u, 1u, cw_wx[cw_t12 + cw_l] != 0u) << cw_l); }
    }
    workgroupBarrier();
    m = (cw_t11 | 2147483648u);
  }
  if (!cw_t8) {
    m = cw_t9;
  }
  cw_wx[cw_lin(cw_tid)] = bitcast<u32>(lane);
  workgroupBarrier();
  let cw_t13 = cw_lin(cw_tid) % 32u;
  let cw_t15 = 1u;
  let cw_t14 = cw_wx[min(cw_lin(cw_tid) - cw_t13 + select(cw_t13, cw_t13 - cw_t15, cw_t13 % u32(32i) >= cw_t15), cw_bx * cw_by * cw_bz - 1u)];
  workgroupBarrier();
  var up: i32 = bitcast<i32>(cw_t14);
  out[lane] = (m ^ u32(up));
}

