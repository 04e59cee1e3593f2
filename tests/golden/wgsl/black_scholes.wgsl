// ==== kernel blackScholes ====
// kernel blackScholes, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) riskFree: f32,
  vol: f32,
  n: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read_write> call: array<f32>;
@group(0) @binding(2) var<storage, read_write> put: array<f32>;
@group(0) @binding(3) var<storage, read> spotU: array<f32>;
@group(0) @binding(4) var<storage, read> strikeU: array<f32>;
@group(0) @binding(5) var<storage, read> yearsU: array<f32>;

fn cw_div(a: f32, b: f32) -> f32 { return a / b; }

fn cndPoly(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_d: f32) -> f32 {
  var d = cw_a_d;
  var A1: f32 = 0.319381535f;
  var A2: f32 = (-0.356563777f);
  var A3: f32 = 1.78147793f;
  var A4: f32 = (-1.82125592f);
  var A5: f32 = 1.33027446f;
  var RSQRT2PI: f32 = 0.398942292f;
  var K: f32 = cw_div(1.0f, (1.0f + (0.231641904f * abs(d))));
  var cnd: f32 = ((RSQRT2PI * exp((((-0.5f) * d) * d))) * (K * (A1 + (K * (A2 + (K * (A3 + (K * (A4 + (K * A5))))))))));
  if ((d > 0.0f)) {
    cnd = (1.0f - cnd);
  }
  return cnd;
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn blackScholes(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var riskFree = cw_p.riskFree;
  var vol = cw_p.vol;
  var n = cw_p.n;
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  if ((i >= n)) {
    return;
  }
  var S: f32 = (5.0f + (30.0f * spotU[i]));
  var X: f32 = (1.0f + (99.0f * strikeU[i]));
  var T: f32 = (0.25f + (9.75f * yearsU[i]));
  var sqrtT: f32 = sqrt(T);
  var d1: f32 = ((log((S / X)) + ((riskFree + ((0.5f * vol) * vol)) * T)) / (vol * sqrtT));
  var d2: f32 = (d1 - (vol * sqrtT));
  var cndD1: f32 = cndPoly(cw_tid, cw_bid, d1);
  var cndD2: f32 = cndPoly(cw_tid, cw_bid, d2);
  var expRT: f32 = exp(((-riskFree) * T));
  call[i] = ((S * cndD1) - ((X * expRT) * cndD2));
  put[i] = (((X * expRT) * (1.0f - cndD2)) - (S * (1.0f - cndD1)));
}

// ==== kernel blackScholesDouble ====
// not emitted: the WGSL target does not support 'double' (WebGPU has no 64-bit floats; --wgsl-f64-as-f32 computes it as float)

