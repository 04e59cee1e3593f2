// ==== kernel blockSum<float> ====
// kernel blockSum<float>, from <source> by cuwasm

struct SharedMemory_float {
  cw_empty: u32,
}

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> in: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;
override cw_dyn_n: u32 = 1u;
var<workgroup> smem_words: array<i32, cw_dyn_n>;

fn SharedMemory_float_conv_3_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, SharedMemory_float>) -> i32 {
  var po_self = cw_a_self;
  return 0i;
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn blockSum_float(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var u___tmp6: SharedMemory_float;
  u___tmp6 = SharedMemory_float();
  var po_s: i32 = SharedMemory_float_conv_3_0(cw_tid, cw_bid, 0i, &u___tmp6);
  smem_words[po_s + i32(cw_tid.x)] = bitcast<i32>(in[((cw_bid.x * cw_bx) + cw_tid.x)]);
  storageBarrier();
  workgroupBarrier();
  {
    var k: u32 = (cw_bx / 2u);
    loop {
      if !((k > 0u)) { break; }
      if ((cw_tid.x < k)) {
        smem_words[po_s + i32(cw_tid.x)] = bitcast<i32>((bitcast<f32>(smem_words[po_s + i32(cw_tid.x)]) + bitcast<f32>(smem_words[po_s + i32((cw_tid.x + k))])));
      }
      storageBarrier();
      workgroupBarrier();
      continuing {
        k = (k / 2u);
      }
    }
  }
  if ((cw_tid.x == 0u)) {
    out[cw_bid.x] = bitcast<f32>(smem_words[po_s + 0i]);
  }
}

// ==== kernel blockSum<double> ====
// not emitted: the WGSL target does not support 'double' (WebGPU has no 64-bit floats; --wgsl-f64-as-f32 computes it as float)

// ==== kernel traitsKernel<int> ====
// kernel traitsKernel<int>, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read_write> out: array<i32>;

fn bump_int(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_x: i32) -> i32 {
  var x = cw_a_x;
  return (x + 100i);
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn traitsKernel_int(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var r: i32 = ((0i + (10i * 1i)) + (100i * 2i));
  r = (r + ((1000i * 5i) + (10000i * 5i)));
  r = (r + select(200000i, 100000i, true));
  r = (r + select(0i, 1000000i, true));
  out[cw_tid.x] = ((r + (120i * 10000000i)) + bump_int(cw_tid, cw_bid, i32(cw_tid.x)));
}

// ==== kernel traitsKernel<float> ====
// kernel traitsKernel<float>, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read_write> out: array<f32>;

fn bump_float(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_x: f32) -> f32 {
  var x = cw_a_x;
  return (x + 1.0f);
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn traitsKernel_float(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var r: i32 = ((0i + (10i * 1i)) + (100i * 2i));
  r = (r + ((1000i * 4i) + (10000i * 3i)));
  r = (r + select(200000i, 100000i, false));
  r = (r + select(0i, 1000000i, true));
  out[cw_tid.x] = (f32((r + (120i * 10000000i))) + bump_float(cw_tid, cw_bid, f32(cw_tid.x)));
}

// ==== kernel modeKernel<Mode::Twice> ====
// kernel modeKernel<Mode::Twice>, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read_write> data: array<i32>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn modeKernel_Mode_Twice(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var v: i32 = data[cw_tid.x];
  data[cw_tid.x] = select((v * v), (2i * v), (0i == 0i));
}

// ==== kernel modeKernel<Mode::Square> ====
// kernel modeKernel<Mode::Square>, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read_write> data: array<i32>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn modeKernel_Mode_Square(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var v: i32 = data[cw_tid.x];
  data[cw_tid.x] = select((v * v), (2i * v), (1i == 0i));
}

// ==== kernel windowKernel<4> ====
// kernel windowKernel<4>, from <source> by cuwasm

struct Window_4 {
  cw_empty: u32,
}

struct Window_4_Column_true {
  offset: i32,
}

struct Window_4_Column_false {
  offset: i32,
}

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> in: array<i32>;
@group(0) @binding(2) var<storage, read_write> out: array<i32>;
var<workgroup> w: Window_4;

fn Window_4_run_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_in: i32, cw_a_out: i32) {
  var po_in = cw_a_in;
  var po_out = cw_a_out;
  out[po_out + i32(cw_tid.x)] = ((Window_4_transform_true_0(cw_tid, cw_bid, 0i, po_in) * 10i) + Window_4_transform_false_0(cw_tid, cw_bid, 0i, po_in));
}

fn Window_4_transform_true_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_a_in: i32) -> i32 {
  var po_self = cw_a_self;
  var po_in = cw_a_in;
  var c: Window_4_Column_true;
  Window_4_Column_true_clear_0(cw_tid, cw_bid, 0i, &c);
  Window_4_initColumn_true_0(cw_tid, cw_bid, po_self, 0i, &c, po_in, i32(cw_tid.x));
  return c.offset;
}

fn Window_4_Column_true_clear_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, Window_4_Column_true>) {
  var po_self = cw_a_self;
  (*cw_r_self).offset = select(2i, 1i, true);
}

fn Window_4_initColumn_true_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_a_c: i32, cw_r_c: ptr<function, Window_4_Column_true>, cw_a_in: i32, cw_a_x: i32) {
  var po_self = cw_a_self;
  var po_c = cw_a_c;
  var po_in = cw_a_in;
  var x = cw_a_x;
  (*cw_r_c).offset = ((*cw_r_c).offset + (in[po_in + x] * 4i));
}

fn Window_4_transform_false_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_a_in: i32) -> i32 {
  var po_self = cw_a_self;
  var po_in = cw_a_in;
  var c: Window_4_Column_false;
  Window_4_Column_false_clear_0(cw_tid, cw_bid, 0i, &c);
  Window_4_initColumn_false_0(cw_tid, cw_bid, po_self, 0i, &c, po_in, i32(cw_tid.x));
  return c.offset;
}

fn Window_4_Column_false_clear_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, Window_4_Column_false>) {
  var po_self = cw_a_self;
  (*cw_r_self).offset = select(2i, 1i, false);
}

fn Window_4_initColumn_false_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_a_c: i32, cw_r_c: ptr<function, Window_4_Column_false>, cw_a_in: i32, cw_a_x: i32) {
  var po_self = cw_a_self;
  var po_c = cw_a_c;
  var po_in = cw_a_in;
  var x = cw_a_x;
  (*cw_r_c).offset = ((*cw_r_c).offset + (in[po_in + x] * 4i));
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn windowKernel_4(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  Window_4_run_0(cw_tid, cw_bid, 0i, 0i);
}

