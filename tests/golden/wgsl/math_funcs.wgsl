// ==== kernel mathFloat ====
// kernel mathFloat, from <source> by cuwasm

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
@group(0) @binding(2) var<storage, read_write> out: array<f32>;

fn cw_f32_bits(b: u32) -> f32 { return bitcast<f32>(b); }

fn cw_log10(x: f32) -> f32 { return log2(x) * 0.30102999566398120f; }

fn cw_pow(x: f32, y: f32) -> f32 {
  if (y == 0.0f) { return 1.0f; }
  let r = exp2(y * log2(abs(x)));
  if (x >= 0.0f) { return select(r, 0.0f, x == 0.0f && y > 0.0f); }
  if (trunc(y) != y) { return cw_f32_bits(0x7fc00000u); }
  return select(r, -r, (i32(trunc(y)) & 1) == 1);
}

fn cw_round(x: f32) -> f32 { let t = trunc(x); return select(t, t + sign(x), abs(x - t) >= 0.5f); }

fn cw_fmod(x: f32, y: f32) -> f32 { return x - y * trunc(x / y); }

fn cw_hypot(x: f32, y: f32) -> f32 { return length(vec2<f32>(x, y)); }

fn cw_cbrt(x: f32) -> f32 { let r = exp2(log2(abs(x)) / 3.0f); return select(r, -r, x < 0.0f); }

fn cw_copysign(x: f32, y: f32) -> f32 { return bitcast<f32>((bitcast<u32>(x) & 0x7fffffffu) | (bitcast<u32>(y) & 0x80000000u)); }

fn cw_erf(x: f32) -> f32 {
  let a = abs(x);
  let t = 1.0f / (1.0f + 0.5f * a);
  let y = t * exp(-a * a - 1.26551223f + t * (1.00002368f + t * (0.37409196f + t * (0.09678418f + t * (-0.18628806f + t * (0.27886807f + t * (-1.13520398f + t * (1.48851587f + t * (-0.82215223f + t * 0.17087277f)))))))));
  return select(1.0f - y, y - 1.0f, x < 0.0f);
}

fn cw_erfc(x: f32) -> f32 { return 1.0f - cw_erf(x); }

fn cw_trig_r(x: f32, k: f32) -> f32 {
  return ((x - k * 0x1.92p+0f) - k * 0x1.fb4p-12f) - k * 0x1.4442d2p-24f;
}

fn cw_sin_r(r: f32) -> f32 {
  let z = r * r;
  return fma(((-0x1.9943f2p-13f * z + 0x1.11073cp-7f) * z - 0x1.555546p-3f) * z, r, r);
}

fn cw_cos_r(r: f32) -> f32 {
  let z = r * r;
  return fma(((0x1.99eb9cp-16f * z - 0x1.6c0c34p-10f) * z + 0x1.55554ap-5f) * z, z, 1.0f - 0.5f * z);
}

fn cw_sin(x: f32) -> f32 {
  let k = round(x * 0x1.45f306p-1f);
  let r = cw_trig_r(x, k);
  let q = i32(k) & 3;
  let v = select(cw_sin_r(r), cw_cos_r(r), (q & 1) == 1);
  return select(v, -v, q >= 2);
}

fn cw_cos(x: f32) -> f32 {
  let k = round(x * 0x1.45f306p-1f);
  let r = cw_trig_r(x, k);
  let q = i32(k) & 3;
  let v = select(cw_cos_r(r), cw_sin_r(r), (q & 1) == 1);
  return select(v, -v, q == 1 || q == 2);
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn mathFloat(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  if ((i >= n)) {
    return;
  }
  var v: f32 = x[i];
  var s: f32;
  var c: f32;
  let cw_t0 = (v * 3.14159274f);
  s = cw_sin(cw_t0);
  c = cw_cos(cw_t0);
  var po_o: i32 = (0i + (16i * i));
  out[po_o + 0i] = exp(v);
  out[po_o + 1i] = log((v + 1.0f));
  out[po_o + 2i] = log2((v + 1.0f));
  out[po_o + 3i] = cw_pow(v, 2.5f);
  out[po_o + 4i] = (sqrt(v) + inverseSqrt((v + 1.0f)));
  out[po_o + 5i] = (cw_sin(v) + cw_cos(v));
  out[po_o + 6i] = (s * c);
  out[po_o + 7i] = tanh(((v * 4.0f) - 2.0f));
  out[po_o + 8i] = (cw_erf(v) + cw_erfc(v));
  out[po_o + 9i] = fma(v, 3.0f, (-1.0f));
  out[po_o + 10i] = (min(v, 0.5f) + max(v, 0.25f));
  out[po_o + 11i] = (((floor((v * 10.0f)) + ceil((v * 10.0f))) + trunc(((-v) * 10.0f))) + cw_round((v * 10.0f)));
  out[po_o + 12i] = cw_fmod((v * 100.0f), 7.0f);
  out[po_o + 13i] = atan2(v, (1.0f - v));
  out[po_o + 14i] = (cw_cbrt(v) + cw_hypot(v, 1.0f));
  out[po_o + 15i] = (((abs((-v)) + cw_copysign(1.0f, (v - 0.5f))) + exp2(v)) + cw_log10((v + 1.0f)));
}

// ==== kernel mathFast ====
// kernel mathFast, from <source> by cuwasm

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
@group(0) @binding(2) var<storage, read_write> out: array<f32>;

fn cw_f32_bits(b: u32) -> f32 { return bitcast<f32>(b); }

fn cw_pow(x: f32, y: f32) -> f32 {
  if (y == 0.0f) { return 1.0f; }
  let r = exp2(y * log2(abs(x)));
  if (x >= 0.0f) { return select(r, 0.0f, x == 0.0f && y > 0.0f); }
  if (trunc(y) != y) { return cw_f32_bits(0x7fc00000u); }
  return select(r, -r, (i32(trunc(y)) & 1) == 1);
}

fn cw_div(a: f32, b: f32) -> f32 { return a / b; }

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn mathFast(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  if ((i >= n)) {
    return;
  }
  var v: f32 = x[i];
  out[((4i * i) + 0i)] = (exp(v) + log((v + 1.0f)));
  out[((4i * i) + 1i)] = (sin(v) * cos(v));
  out[((4i * i) + 2i)] = cw_div(v, (v + 2.0f));
  out[((4i * i) + 3i)] = (saturate(((v * 3.0f) - 1.0f)) + cw_pow(v, 0.5f));
}

// ==== kernel mathDouble ====
// not emitted: the WGSL target does not support 'double' (WebGPU has no 64-bit floats; --wgsl-f64-as-f32 computes it as float)

