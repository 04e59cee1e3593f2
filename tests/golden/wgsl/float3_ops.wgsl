// ==== kernel reflectRays ====
// not emitted: the WGSL target does not support functions returning pointers

// ==== kernel rotate2d ====
// kernel rotate2d, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) n: i32,
  t: f32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> pts: array<vec2<f32>>;
@group(0) @binding(2) var<storage, read_write> out: array<vec2<f32>>;

fn operator_p_2(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_a: vec2<f32>, cw_a_b: vec2<f32>) -> vec2<f32> {
  var a = cw_a_a;
  var b = cw_a_b;
  return vec2<f32>(((a.x * b.x) - (a.y * b.y)), ((a.x * b.y) + (a.y * b.x)));
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn rotate2d(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var t = cw_p.t;
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  if ((i < n)) {
    out[i] = operator_p_2(cw_tid, cw_bid, pts[i], vec2<f32>(cos(t), sin(t)));
  }
}

