// ==== kernel boundedSaxpy ====
// kernel boundedSaxpy, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) a: f32,
  n: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> y: array<f32>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn boundedSaxpy(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var a = cw_p.a;
  var n = cw_p.n;
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  if ((i < n)) {
    y[i] = ((a * x[i]) + y[i]);
  }
}

// ==== kernel boundedBlend ====
// kernel boundedBlend, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) t: f32,
  n: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> a: array<f32>;
@group(0) @binding(2) var<storage, read> b: array<f32>;
@group(0) @binding(3) var<storage, read_write> out: array<f32>;

fn lerp(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_a: f32, cw_a_b: f32, cw_a_t: f32) -> f32 {
  var a = cw_a_a;
  var b = cw_a_b;
  var t = cw_a_t;
  return fma(t, (b - a), a);
}

fn clamp01(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_v: f32) -> f32 {
  var v = cw_a_v;
  return min(max(v, 0.0f), 1.0f);
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn boundedBlend(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var t = cw_p.t;
  var n = cw_p.n;
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  if ((i < n)) {
    out[i] = clamp01(cw_tid, cw_bid, lerp(cw_tid, cw_bid, a[(0i + i)], b[(0i + i)], t));
  }
}

