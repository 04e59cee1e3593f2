// ==== kernel cppFeatures ====
// kernel cppFeatures, from <source> by cuwasm

struct Config {
  scale: i32,
  bias: f32,
  clampOutput: bool,
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
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read> ids: array<i32>;
@group(0) @binding(3) var<storage, read_write> out: array<f32>;

fn square(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_x: i32) -> i32 {
  var x = cw_a_x;
  return (x * x);
}

fn addBias_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_x: i32, cw_a_c: i32, cw_r_c: ptr<function, Config>) -> f32 {
  var po_x = cw_a_x;
  var po_c = cw_a_c;
  return ((x[po_x] * f32((*cw_r_c).scale)) + (*cw_r_c).bias);
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn cppFeatures(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var kLocal: i32 = square(cw_tid, cw_bid, 4i);
  var cfg: Config = Config(3i, 0.5f, true);
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  var j: i32 = 0i;
  var po_pj: i32 = 0i;
  var vals: array<f32, 2> = array<f32, 2>(0.0f, 0.0f);
  var po_pv: i32 = 0i;
  if ((i >= n)) {
    return;
  }
  var v: f32 = addBias_0(cw_tid, cw_bid, (0i + i), 0i, &cfg);
  var po_slot: i32 = (po_pv + (i & 1i));
  vals[po_slot] = v;
  j = i32((v * f32(kLocal)));
  var po_cr: i32 = (i & 1i);
  var po_mutableOut: i32 = 0i;
  var bits: u32 = bitcast<u32>(vals[po_cr]);
  var po_dst: i32 = (po_mutableOut + i);
  out[po_dst] = (((select(vals[po_cr], min(max(vals[po_cr], 0.0f), 10.0f), cfg.clampOutput) + f32((j % 7i))) + f32((bits & 1u))) + select(0.0f, 1.0f, (ids[i] > 100i)));
}

// ==== kernel swapPairs ====
// kernel swapPairs, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read_write> data: array<i32>;

fn swapRef_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_a: i32, cw_a_b: i32) {
  var po_a = cw_a_a;
  var po_b = cw_a_b;
  var t: i32 = data[po_a];
  data[po_a] = data[po_b];
  data[po_b] = t;
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn swapPairs(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var po_a: i32 = (0i + i32((2u * cw_tid.x)));
  var po_b: i32 = (0i + i32(((2u * cw_tid.x) + 1u)));
  swapRef_0(cw_tid, cw_bid, po_a, po_b);
}

