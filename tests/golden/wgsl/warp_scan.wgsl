// ==== kernel blockInclusiveScan ====
// kernel blockInclusiveScan, from <source> by cuwasm

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
@group(0) @binding(3) var<storage, read_write> blockTotals: array<i32>;
var<workgroup> warpTotals: array<i32, 32>;
var<workgroup> cw_wx: array<u32, cw_bx * cw_by * cw_bz>;

fn cw_lin(t: vec3<u32>) -> u32 { return t.x + cw_bx * (t.y + cw_by * t.z); }

fn warpInclusive(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_v: i32) -> i32 {
  var v = cw_a_v;
  var lane: i32 = i32((cw_tid.x & 31u));
  {
  }
  {
    var d: i32 = 1i;
    loop {
      if !((d < 32i)) { break; }
      cw_wx[cw_lin(cw_tid)] = bitcast<u32>(v);
      workgroupBarrier();
      let cw_t0 = cw_lin(cw_tid) % 32u;
      let cw_t2 = u32(d);
      let cw_t1 = cw_wx[min(cw_lin(cw_tid) - cw_t0 + select(cw_t0, cw_t0 - cw_t2, cw_t0 % u32(32i) >= cw_t2), cw_bx * cw_by * cw_bz - 1u)];
      workgroupBarrier();
      var t: i32 = bitcast<i32>(cw_t1);
      if ((lane >= d)) {
        v = (v + t);
      }
      continuing {
        d = (d << u32(1i));
      }
    }
  }
  return v;
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn blockInclusiveScan(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var g: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  var lane: i32 = i32((cw_tid.x & 31u));
  var warp: i32 = i32((cw_tid.x >> u32(5i)));
  var v: i32 = warpInclusive(cw_tid, cw_bid, in[g]);
  if ((lane == 31i)) {
    warpTotals[warp] = v;
  }
  storageBarrier();
  workgroupBarrier();
  let cw_t3 = (warp == 0i); // runs in every thread, undone where false
  {
    var nw: i32 = i32((cw_bx >> u32(5i)));
    var t: i32 = select(0i, warpTotals[lane], (lane < nw));
    let cw_t4 = warpInclusive(cw_tid, cw_bid, t);
    if (cw_t3) { warpTotals[lane] = cw_t4; }
  }
  storageBarrier();
  workgroupBarrier();
  if ((warp > 0i)) {
    v = (v + warpTotals[(warp - 1i)]);
  }
  out[g] = v;
  if ((cw_tid.x == (cw_bx - 1u))) {
    blockTotals[cw_bid.x] = v;
  }
}

// ==== kernel blockExclusiveScanF ====
// kernel blockExclusiveScanF, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> in: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;
var<workgroup> sums: array<f32, 32>;
var<workgroup> cw_wx: array<u32, cw_bx * cw_by * cw_bz>;

fn cw_lin(t: vec3<u32>) -> u32 { return t.x + cw_bx * (t.y + cw_by * t.z); }

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn blockExclusiveScanF(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var g: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  var lane: i32 = i32((cw_tid.x % 32u));
  var warp: i32 = i32((cw_tid.x / 32u));
  var x: f32 = in[g];
  var v: f32 = x;
  {
    var d: i32 = 1i;
    loop {
      if !((d < 32i)) { break; }
      cw_wx[cw_lin(cw_tid)] = bitcast<u32>(v);
      workgroupBarrier();
      let cw_t0 = cw_lin(cw_tid) % 32u;
      let cw_t2 = u32(d);
      let cw_t1 = cw_wx[min(cw_lin(cw_tid) - cw_t0 + select(cw_t0, cw_t0 - cw_t2, cw_t0 % u32(32i) >= cw_t2), cw_bx * cw_by * cw_bz - 1u)];
      workgroupBarrier();
      var t: f32 = bitcast<f32>(cw_t1);
      if ((lane >= d)) {
        v = (v + t);
      }
      continuing {
        d = (d * 2i);
      }
    }
  }
  if ((lane == 31i)) {
    sums[warp] = v;
  }
  storageBarrier();
  workgroupBarrier();
  var offset: f32 = 0.0f;
  {
    var w: i32 = 0i;
    loop {
      if !((w < warp)) { break; }
      offset = (offset + sums[w]);
      continuing {
        w = (w + 1i);
      }
    }
  }
  out[g] = ((offset + v) - x);
}

// ==== kernel segmentedWarpScan ====
// kernel segmentedWarpScan, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> in: array<i32>;
@group(0) @binding(2) var<storage, read> flags: array<u32>;
@group(0) @binding(3) var<storage, read_write> out: array<i32>;
var<workgroup> cw_wx: array<u32, cw_bx * cw_by * cw_bz>;

fn cw_lin(t: vec3<u32>) -> u32 { return t.x + cw_bx * (t.y + cw_by * t.z); }

fn cw_warp_mask(t: vec3<u32>) -> u32 {
  let n = min(32u, cw_bx * cw_by * cw_bz - (cw_lin(t) - cw_lin(t) % 32u));
  return select((1u << n) - 1u, 0xffffffffu, n == 32u);
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn segmentedWarpScan(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var lane: i32 = i32((cw_tid.x & 31u));
  var v: i32 = in[cw_tid.x];
  let cw_t0 = u32(0i + i32(cw_tid.x));
  var head: bool = ((lane == 0i) || ((i32(extractBits(flags[(cw_t0 / 4u)], ((cw_t0 % 4u) * 8u), 8u)) & 3i) == 0i));
  let cw_t1 = 4294967295u;
  cw_wx[cw_lin(cw_tid)] = bitcast<u32>(i32(head));
  workgroupBarrier();
  let cw_t3 = cw_lin(cw_tid) - cw_lin(cw_tid) % 32u;
  var cw_t2 = 0u;
  for (var cw_l = 0u; cw_l < 32u && cw_t3 + cw_l < cw_bx * cw_by * cw_bz; cw_l++) {
    if (((cw_t1 >> cw_l) & 1u) != 0u) { cw_t2 = cw_t2 | (select(0u, 1u, cw_wx[cw_t3 + cw_l] != 0u) << cw_l); }
  }
  workgroupBarrier();
  var heads: u32 = cw_t2;
  var upto: u32 = (heads & ((2u << u32(lane)) - 1u));
  var segStart: i32 = (31i - countLeadingZeros(i32(upto)));
  {
    var d: i32 = 1i;
    loop {
      if !((d < 32i)) { break; }
      cw_wx[cw_lin(cw_tid)] = bitcast<u32>(v);
      workgroupBarrier();
      let cw_t4 = cw_lin(cw_tid) % 32u;
      let cw_t6 = u32(d);
      let cw_t5 = cw_wx[min(cw_lin(cw_tid) - cw_t4 + select(cw_t4, cw_t4 - cw_t6, cw_t4 % u32(32i) >= cw_t6), cw_bx * cw_by * cw_bz - 1u)];
      workgroupBarrier();
      var t: i32 = bitcast<i32>(cw_t5);
      if (((lane - d) >= segStart)) {
        v = (v + t);
      }
      continuing {
        d = (d << u32(1i));
      }
    }
  }
  out[cw_tid.x] = v;
}

