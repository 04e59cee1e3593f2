// ==== kernel listDepth ====
// not emitted: 'depth' calls itself (directly or through other functions): WGSL has no recursion

// ==== kernel copyNext ====
// kernel copyNext, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> next: array<i32>;
@group(0) @binding(2) var<storage, read_write> out: array<i32>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn copyNext(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  out[cw_tid.x] = next[cw_tid.x];
}

