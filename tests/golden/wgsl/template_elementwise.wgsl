// ==== kernel transformKernel<float, Square> ====
// kernel transformKernel<float, Square>, from <source> by cuwasm

struct Square {
  cw_empty: u32,
}

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
@group(0) @binding(2) var<storage, read_write> out: array<f32>;

fn Square_operator_float_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, Square>, cw_a_v: f32) -> f32 {
  var po_self = cw_a_self;
  var v = cw_a_v;
  return (v * v);
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn transformKernel_float_Square(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var op: Square;
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  if ((i < n)) {
    out[i] = Square_operator_float_0(cw_tid, cw_bid, 0i, &op, in[i]);
  }
}

// ==== kernel transformKernel<int, Negate> ====
// kernel transformKernel<int, Negate>, from <source> by cuwasm

struct Negate {
  cw_empty: u32,
}

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) n: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> in: array<i32>;
@group(0) @binding(2) var<storage, read_write> out: array<i32>;

fn Negate_operator_int_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, Negate>, cw_a_v: i32) -> i32 {
  var po_self = cw_a_self;
  var v = cw_a_v;
  return (-v);
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn transformKernel_int_Negate(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var op: Negate;
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  if ((i < n)) {
    out[i] = Negate_operator_int_0(cw_tid, cw_bid, 0i, &op, in[i]);
  }
}

// ==== kernel scaleMany<float, 4> ====
// kernel scaleMany<float, 4>, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) factor: f32,
  n: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read_write> data: array<f32>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn scaleMany_float_4(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var factor = cw_p.factor;
  var n = cw_p.n;
  var base: i32 = i32((((cw_bid.x * cw_bx) + cw_tid.x) * 4u));
  {
  }
  {
    var k: i32 = 0i;
    loop {
      if !((k < 4i)) { break; }
      var i: i32 = (base + k);
      if ((i < n)) {
        data[i] = (data[i] * factor);
      }
      continuing {
        k = (k + 1i);
      }
    }
  }
}

// ==== kernel scaleMany<double, 2> ====
// not emitted: the WGSL target does not support 'double' (WebGPU has no 64-bit floats; --wgsl-f64-as-f32 computes it as float)

