// ==== kernel reduceTree ====
// kernel reduceTree, from <source> by cuwasm

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
var<workgroup> sdata: array<f32, 256>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn reduceTree(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var tid: u32 = cw_tid.x;
  var i: u32 = ((cw_bid.x * (cw_bx * 2u)) + cw_tid.x);
  var v: f32 = 0.0f;
  if ((i < u32(n))) {
    v = in[i];
  }
  if (((i + cw_bx) < u32(n))) {
    v = (v + in[(i + cw_bx)]);
  }
  sdata[tid] = v;
  storageBarrier();
  workgroupBarrier();
  {
    var s: u32 = (cw_bx / 2u);
    loop {
      if !((s > 0u)) { break; }
      if ((tid < s)) {
        sdata[tid] = (sdata[tid] + sdata[(tid + s)]);
      }
      storageBarrier();
      workgroupBarrier();
      continuing {
        s = (s >> u32(1i));
      }
    }
  }
  if ((tid == 0u)) {
    out[cw_bid.x] = sdata[0i];
  }
}

// ==== kernel reduceInterleaved ====
// kernel reduceInterleaved, from <source> by cuwasm

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
@group(0) @binding(2) var<storage, read_write> out: array<i32>;
var<workgroup> sdata: array<i32, 128>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn reduceInterleaved(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var tid: u32 = cw_tid.x;
  var i: u32 = ((cw_bid.x * cw_bx) + cw_tid.x);
  sdata[tid] = select(0i, in[i], (i < u32(n)));
  storageBarrier();
  workgroupBarrier();
  {
    var s: u32 = 1u;
    loop {
      if !((s < cw_bx)) { break; }
      if (((tid % (2u * s)) == 0u)) {
        sdata[tid] = (sdata[tid] + sdata[(tid + s)]);
      }
      storageBarrier();
      workgroupBarrier();
      continuing {
        s = (s * 2u);
      }
    }
  }
  if ((tid == 0u)) {
    out[cw_bid.x] = sdata[0i];
  }
}

