// ==== kernel ml::kernels::countKinds ====
// kernel ml::kernels::countKinds, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> v: array<i32>;
@group(0) @binding(2) var<storage, read_write> counts: array<atomic<u32>>;

fn ml_kernels_kindOf(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_v: i32) -> u32 {
  var v = cw_a_v;
  if ((v == 0i)) {
    return 0u;
  }
  if ((v < 16i)) {
    return 1u;
  }
  return (u32(select(3i, 2i, (v < 128i))) & 0xffu);
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn ml_kernels_countKinds(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var k: u32 = ml_kernels_kindOf(cw_tid, cw_bid, v[cw_tid.x]);
  _ = atomicAdd(&counts[i32(k)], 1u);
}

// ==== kernel activate ====
// kernel activate, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) n: i32,
  act: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> in: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;

fn shift(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_x: f32) -> f32 {
  var x = cw_a_x;
  return (x - 0.5f);
}

fn ml_detail_apply(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_a: i32, cw_a_x: f32) -> f32 {
  var a = cw_a_a;
  var x = cw_a_x;
  switch (a) {
    case 1i: {
      return select(0.0f, x, (x > 0.0f));
    }
    case 2i: {
      return select((0.00999999978f * x), x, (x > 0.0f));
    }
    case 3i: {
      return tanh(x);
    }
    case 0i, default: {
      return x;
    }
  }
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn activate(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var act = cw_p.act;
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  if ((i < n)) {
    var a: i32 = act;
    out[i] = ml_detail_apply(cw_tid, cw_bid, a, shift(cw_tid, cw_bid, in[i]));
  }
}

