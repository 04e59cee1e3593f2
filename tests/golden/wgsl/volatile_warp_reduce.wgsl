// ==== kernel reduceVolatile ====
// not emitted: call to 'warpReduce', which synchronises the block, under thread-dependent control flow: WGSL needs barriers in uniform control flow

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
  if ((tid == 0u)) {
    out[cw_bid.x] = s[po_vs + 0i];
  }
}

