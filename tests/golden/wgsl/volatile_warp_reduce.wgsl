// ==== kernel reduceVolatile ====
// kernel reduceVolatile, from <source> by cuwasm

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

fn warpReduce_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_sdata: i32, cw_a_tid: u32, cw_spec: bool) {
  var po_sdata = cw_a_sdata;
  var tid = cw_a_tid;
  var v: f32 = sdata[po_sdata + i32(tid)];
  v = (v + sdata[po_sdata + i32((tid + 32u))]);
  storageBarrier();
  workgroupBarrier();
  let cw_t0 = v;
  if (cw_spec) { sdata[po_sdata + i32(tid)] = cw_t0; }
  storageBarrier();
  workgroupBarrier();
  v = (v + sdata[po_sdata + i32((tid + 16u))]);
  storageBarrier();
  workgroupBarrier();
  let cw_t1 = v;
  if (cw_spec) { sdata[po_sdata + i32(tid)] = cw_t1; }
  storageBarrier();
  workgroupBarrier();
  v = (v + sdata[po_sdata + i32((tid + 8u))]);
  storageBarrier();
  workgroupBarrier();
  let cw_t2 = v;
  if (cw_spec) { sdata[po_sdata + i32(tid)] = cw_t2; }
  storageBarrier();
  workgroupBarrier();
  v = (v + sdata[po_sdata + i32((tid + 4u))]);
  storageBarrier();
  workgroupBarrier();
  let cw_t3 = v;
  if (cw_spec) { sdata[po_sdata + i32(tid)] = cw_t3; }
  storageBarrier();
  workgroupBarrier();
  v = (v + sdata[po_sdata + i32((tid + 2u))]);
  storageBarrier();
  workgroupBarrier();
  let cw_t4 = v;
  if (cw_spec) { sdata[po_sdata + i32(tid)] = cw_t4; }
  storageBarrier();
  workgroupBarrier();
  v = (v + sdata[po_sdata + i32((tid + 1u))]);
  storageBarrier();
  workgroupBarrier();
  let cw_t5 = v;
  if (cw_spec) { sdata[po_sdata + i32(tid)] = cw_t5; }
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn reduceVolatile(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var tid: u32 = cw_tid.x;
  var i: u32 = (((cw_bid.x * cw_bx) * 2u) + tid);
  sdata[tid] = (select(0.0f, in[i], (i < u32(n))) + select(0.0f, in[(i + cw_bx)], ((i + cw_bx) < u32(n))));
  storageBarrier();
  workgroupBarrier();
  {
    var s: u32 = (cw_bx / 2u);
    loop {
      if !((s > 32u)) { break; }
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
  let cw_t6 = (tid < 32u); // runs in every thread, undone where false
  {
    warpReduce_0(cw_tid, cw_bid, 0i, tid, cw_t6);
  }
  storageBarrier();
  workgroupBarrier();
  if ((tid == 0u)) {
    out[cw_bid.x] = sdata[0i];
  }
}

// ==== kernel reduceVolatileInt ====
// kernel reduceVolatileInt, from <source> by cuwasm

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
var<workgroup> s: array<i32, 64>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn reduceVolatileInt(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var po_vs: i32 = 0i;
  var tid: u32 = cw_tid.x;
  s[tid] = in[((cw_bid.x * 64u) + tid)];
  storageBarrier();
  workgroupBarrier();
  let cw_t0 = (tid < 32u); // runs in every thread, undone where false
  {
    if (cw_t0) {
      s[po_vs + i32(tid)] = (s[po_vs + i32(tid)] + s[po_vs + i32((tid + 32u))]);
    }
    storageBarrier();
    workgroupBarrier();
    if (cw_t0) {
      s[po_vs + i32(tid)] = (s[po_vs + i32(tid)] + s[po_vs + i32((tid + 16u))]);
    }
    storageBarrier();
    workgroupBarrier();
    if (cw_t0) {
      s[po_vs + i32(tid)] = (s[po_vs + i32(tid)] + s[po_vs + i32((tid + 8u))]);
    }
    storageBarrier();
    workgroupBarrier();
    if (cw_t0) {
      s[po_vs + i32(tid)] = (s[po_vs + i32(tid)] + s[po_vs + i32((tid + 4u))]);
    }
    storageBarrier();
    workgroupBarrier();
    if (cw_t0) {
      s[po_vs + i32(tid)] = (s[po_vs + i32(tid)] + s[po_vs + i32((tid + 2u))]);
    }
    storageBarrier();
    workgroupBarrier();
    if (cw_t0) {
      s[po_vs + i32(tid)] = (s[po_vs + i32(tid)] + s[po_vs + i32((tid + 1u))]);
    }
  }
  storageBarrier();
  workgroupBarrier();
  if ((tid == 0u)) {
    out[cw_bid.x] = s[po_vs + 0i];
  }
}

