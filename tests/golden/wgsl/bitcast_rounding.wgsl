// ==== kernel floatBits ====
// kernel floatBits, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) n: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> in: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<i32>;

fn cw_f32_bits(b: u32) -> f32 { return bitcast<f32>(b); }

fn cw_sub64(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> { return vec2<u32>(a.x - b.x, a.y - b.y - select(0u, 1u, a.x < b.x)); }

fn cw_f2u64(x: f32) -> vec2<u32> { let h = floor(x / 4294967296.0f); return vec2<u32>(u32(x - h * 4294967296.0f), u32(h)); }

fn cw_f2i64(x: f32) -> vec2<u32> { let m = cw_f2u64(abs(trunc(x))); return select(m, cw_sub64(vec2<u32>(0u, 0u), m), x < 0.0f); }

fn fastAbs(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_x: f32) -> f32 {
  var x = cw_a_x;
  return cw_f32_bits(bitcast<u32>((bitcast<i32>(x) & 2147483647i)));
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn floatBits(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  if ((i >= n)) {
    return;
  }
  var v: f32 = ((in[i] * 200.0f) - 100.0f);
  var po_o: i32 = (0i + (8i * i));
  out[po_o + 0i] = bitcast<i32>(v);
  out[po_o + 1i] = (i32(bitcast<u32>(fastAbs(cw_tid, cw_bid, v))) >> u32(23i));
  out[po_o + 2i] = i32(round(v));
  out[po_o + 3i] = i32(v);
  out[po_o + 4i] = i32(ceil(v));
  out[po_o + 5i] = i32(floor(v));
  out[po_o + 6i] = (i32(u32(round(fastAbs(cw_tid, cw_bid, v)))) + bitcast<i32>(cw_f2i64(round((v * 3.0f))).x));
  out[po_o + 7i] = bitcast<i32>((cw_f32_bits(1065353216u) + f32(i)));
}

// ==== kernel doubleBits ====
// not emitted: the WGSL target does not support 'double' (WebGPU has no 64-bit floats; --wgsl-f64-as-f32 computes it as float)

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

