// ==== kernel fillUniform ====
// kernel fillUniform, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) seed: u32,
  n: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read_write> out: array<f32>;

fn xorshift32_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_s: i32, cw_r_s: ptr<function, u32>) -> u32 {
  var po_s = cw_a_s;
  (*cw_r_s) = ((*cw_r_s) ^ ((*cw_r_s) << u32(13i)));
  (*cw_r_s) = ((*cw_r_s) ^ ((*cw_r_s) >> u32(17i)));
  (*cw_r_s) = ((*cw_r_s) ^ ((*cw_r_s) << u32(5i)));
  return (*cw_r_s);
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn fillUniform(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var seed = cw_p.seed;
  var n = cw_p.n;
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  if ((i >= n)) {
    return;
  }
  var s: u32 = (seed ^ ((u32(i) * 747796405u) + 1u));
  if ((s == 0u)) {
    s = 1u;
  }
  _ = xorshift32_0(cw_tid, cw_bid, 0i, &s);
  out[i] = (f32(xorshift32_0(cw_tid, cw_bid, 0i, &s)) * 2.32830644e-10f);
}

// ==== kernel fillNormal ====
// not emitted: the WGSL target does not support 64-bit integer 'unsigned long long' (not emulated yet)

// ==== kernel monteCarloPi ====
// not emitted: the WGSL target does not support 64-bit integer 'unsigned long long' (not emulated yet)

