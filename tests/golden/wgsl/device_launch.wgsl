// ==== kernel child ====
// kernel child, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) base: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read_write> out: array<i32>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn child(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var base = cw_p.base;
  out[(u32(base) + cw_tid.x)] = base;
}

// ==== kernel parent ====
// not emitted: the WGSL target does not support launching a kernel from device code (dynamic parallelism)

// ==== kernel lastError ====
// not emitted: the WGSL target does not support the device runtime API (cudaGetLastError in device code)

