// ==== kernel columnWrite ====
// kernel columnWrite, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) k: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read_write> out: array<i32>;
var<workgroup> s: array<i32, 32>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn columnWrite(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var k = cw_p.k;
  var t: i32 = i32(((cw_tid.y * cw_bx) + cw_tid.x));
  s[t] = (t * 10i);
  storageBarrier();
  workgroupBarrier();
  var g: i32 = i32(((cw_bid.x * 32u) + u32(t)));
  out[g] = s[(31i - t)];
  storageBarrier();
  workgroupBarrier();
  if ((cw_tid.x == u32(k))) {
    out[g] = i32((u32(out[g]) + (1000u + cw_tid.y)));
  }
}

