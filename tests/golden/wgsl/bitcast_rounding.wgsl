// ==== kernel floatBits ====
// not emitted: the WGSL target does not support 64-bit integer 'long long' (not emulated yet)

// ==== kernel doubleBits ====
// not emitted: the WGSL target does not support 'double' (WebGPU has no 64-bit floats)

// ==== kernel roundedArith ====
// kernel roundedArith, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) n: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> a: array<f32>;
@group(0) @binding(2) var<storage, read> b: array<f32>;
@group(0) @binding(3) var<storage, read_write> out: array<f32>;

fn cw_div(a: f32, b: f32) -> f32 { return a / b; }

fn cw_add(a: f32, b: f32) -> f32 { return a + b; }

fn cw_mul(a: f32, b: f32) -> f32 { return a * b; }

fn cw_rcp(a: f32) -> f32 { return 1.0f / a; }

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn roundedArith(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  if ((i >= n)) {
    return;
  }
  var x: f32 = a[i];
  var y: f32 = (b[i] + 0.5f);
  out[((5i * i) + 0i)] = cw_add(x, y);
  out[((5i * i) + 1i)] = cw_mul(x, y);
  out[((5i * i) + 2i)] = cw_div(x, y);
  out[((5i * i) + 3i)] = cw_rcp(y);
  out[((5i * i) + 4i)] = (sqrt(x) + fma(x, y, 1.0f));
}

