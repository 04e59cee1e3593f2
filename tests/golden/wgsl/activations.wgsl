// ==== kernel geluErf ====
// kernel geluErf, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) n: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> y: array<f32>;

fn cw_erf(x: f32) -> f32 {
  let a = abs(x);
  let t = 1.0f / (1.0f + 0.5f * a);
  let y = t * exp(-a * a - 1.26551223f + t * (1.00002368f + t * (0.37409196f + t * (0.09678418f + t * (-0.18628806f + t * (0.27886807f + t * (-1.13520398f + t * (1.48851587f + t * (-0.82215223f + t * 0.17087277f)))))))));
  return select(1.0f - y, y - 1.0f, x < 0.0f);
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn geluErf(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  if ((i < n)) {
    var v: f32 = ((x[i] * 6.0f) - 3.0f);
    y[i] = ((0.5f * v) * (1.0f + cw_erf((v * 0.707106769f))));
  }
}

// ==== kernel geluTanh ====
// kernel geluTanh, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) n: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> y: array<f32>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn geluTanh(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var k0: f32 = 0.797884583f;
  var k1: f32 = 0.0447149985f;
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  if ((i < n)) {
    var v: f32 = ((x[i] * 6.0f) - 3.0f);
    y[i] = ((0.5f * v) * (1.0f + tanh((k0 * (v + (((k1 * v) * v) * v))))));
  }
}

// ==== kernel miscActivations ====
// kernel miscActivations, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) n: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> y: array<f32>;

fn cw_expm1(x: f32) -> f32 { if (abs(x) < 1e-4f) { return x + 0.5f * x * x; } return exp(x) - 1.0f; }

fn cw_log1p(x: f32) -> f32 { if (abs(x) < 1e-4f) { return x - 0.5f * x * x; } return log(1.0f + x); }

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn miscActivations(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  if ((i >= n)) {
    return;
  }
  var v: f32 = ((x[i] * 8.0f) - 4.0f);
  y[((4i * i) + 0i)] = (v / (1.0f + exp((-v))));
  y[((4i * i) + 1i)] = cw_log1p(exp(v));
  y[((4i * i) + 2i)] = select(cw_expm1(v), v, (v > 0.0f));
  y[((4i * i) + 3i)] = (1.0f / (1.0f + exp((-v))));
}

// ==== kernel geluBackward ====
// not emitted: the WGSL target does not support 'double' (WebGPU has no 64-bit floats; --wgsl-f64-as-f32 computes it as float)

