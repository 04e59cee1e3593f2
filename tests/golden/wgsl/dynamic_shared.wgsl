// ==== kernel reverseDynamic ====
// kernel reverseDynamic, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) n: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read_write> d: array<i32>;
override cw_dyn_n: u32 = 1u;
var<workgroup> cw_dyn_shared: array<i32, cw_dyn_n>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn reverseDynamic(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var base: i32 = i32((cw_bid.x * cw_bx));
  var t: i32 = i32(cw_tid.x);
  var tr: i32 = i32(((cw_bx - u32(t)) - 1u));
  if (((base + t) < n)) {
    cw_dyn_shared[t] = d[(base + t)];
  }
  storageBarrier();
  workgroupBarrier();
  if (((base + t) < n)) {
    d[(base + t)] = cw_dyn_shared[tr];
  }
}

// ==== kernel carvedShared ====
// not emitted: the WGSL target does not support pointer casts that change the element size (1 to 4 bytes)

// ==== kernel shiftRows<float> ====
// not emitted: the WGSL target does not support functions returning pointers

// ==== kernel shiftRows<int> ====
// not emitted: the WGSL target does not support functions returning pointers

