// ==== kernel atomicHistogram ====
// not emitted: cannot tell which buffer the pointer passed to 'cuda::__cw_atomic::fetch_add<int>' points into

// ==== kernel libraryMath ====
// kernel libraryMath, from <source> by cuwasm

struct cuda_std_array_float_3 {
  u___elems: array<f32, 3>,
}

struct cuda_std_complex_float {
  u___re: f32,
  u___im: f32,
}

struct cuda_std_pair_float_int {
  first: f32,
  second: i32,
}

struct cuda_std_plus_float {
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
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read> u: array<u32>;
@group(0) @binding(3) var<storage, read_write> out: array<f32>;
@group(0) @binding(4) var<storage, read_write> bits: array<u32>;

fn cw_popc64(a: vec2<u32>) -> i32 { return i32(countOneBits(a.x) + countOneBits(a.y)); }

fn cw_clz64(a: vec2<u32>) -> i32 { return i32(select(countLeadingZeros(a.x) + 32u, countLeadingZeros(a.y), a.y != 0u)); }

fn cw_ffs64(a: vec2<u32>) -> i32 { if (a.x != 0u) { return i32(firstTrailingBit(a.x)) + 1; } if (a.y != 0u) { return i32(firstTrailingBit(a.y)) + 33; } return 0; }

fn cw_hypot(x: f32, y: f32) -> f32 { return length(vec2<f32>(x, y)); }

fn cuda_std_array_float_3_begin_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, cuda_std_array_float_3>) -> i32 {
  var po_self = cw_a_self;
  return 0i;
}

fn cuda_std_array_float_3_end_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, cuda_std_array_float_3>) -> i32 {
  var po_self = cw_a_self;
  return (0i + bitcast<i32>(vec2<u32>(3u, 0u).x));
}

fn cuda_std_complex_float_cuda_std_complex_float_2_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, cuda_std_complex_float>, cw_a_re: f32, cw_a_im: f32) {
  var po_self = cw_a_self;
  var re = cw_a_re;
  var im = cw_a_im;
  (*cw_r_self).u___re = re;
  (*cw_r_self).u___im = im;
}

fn cuda_std_operator_p_float_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_a: i32, cw_r_a: ptr<function, cuda_std_complex_float>, cw_a_b: i32, cw_r_b: ptr<function, cuda_std_complex_float>) -> cuda_std_complex_float {
  var po_a = cw_a_a;
  var po_b = cw_a_b;
  var r: cuda_std_complex_float = (*cw_r_a);
  _ = cuda_std_complex_float_operator_p_0(cw_tid, cw_bid, 0i, &r, (*cw_r_b));
  return r;
}

fn cuda_std_complex_float_operator_p_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, cuda_std_complex_float>, cw_v_o: cuda_std_complex_float) -> i32 {
  var po_self = cw_a_self;
  var po_o = 0i;
  var re: f32 = (((*cw_r_self).u___re * cw_v_o.u___re) - ((*cw_r_self).u___im * cw_v_o.u___im));
  (*cw_r_self).u___im = (((*cw_r_self).u___re * cw_v_o.u___im) + ((*cw_r_self).u___im * cw_v_o.u___re));
  (*cw_r_self).u___re = re;
  return po_self;
}

fn cuda_std_complex_float_cuda_std_complex_float_2_1(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, cuda_std_complex_float>, cw_a_re: f32, cw_a_im: f32) {
  var po_self = cw_a_self;
  var re = cw_a_re;
  var im = cw_a_im;
  (*cw_r_self).u___re = re;
  (*cw_r_self).u___im = im;
}

fn cuda_std_operator_float_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_a: i32, cw_r_a: ptr<function, cuda_std_complex_float>, cw_a_b: i32, cw_r_b: ptr<function, cuda_std_complex_float>) -> cuda_std_complex_float {
  var po_a = cw_a_a;
  var po_b = cw_a_b;
  var r: cuda_std_complex_float = (*cw_r_a);
  _ = cuda_std_complex_float_operator_0(cw_tid, cw_bid, 0i, &r, (*cw_r_b));
  return r;
}

fn cuda_std_complex_float_operator_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, cuda_std_complex_float>, cw_v_o: cuda_std_complex_float) -> i32 {
  var po_self = cw_a_self;
  var po_o = 0i;
  (*cw_r_self).u___re = ((*cw_r_self).u___re + cw_v_o.u___re);
  (*cw_r_self).u___im = ((*cw_r_self).u___im + cw_v_o.u___im);
  return po_self;
}

fn cuda_std_abs_float_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_z: i32, cw_r_z: ptr<function, cuda_std_complex_float>) -> f32 {
  var po_z = cw_a_z;
  return cuda_std_hypot(cw_tid, cw_bid, (*cw_r_z).u___re, (*cw_r_z).u___im);
}

fn cuda_std_hypot(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_x: f32, cw_a_y: f32) -> f32 {
  var x = cw_a_x;
  var y = cw_a_y;
  return cw_hypot(x, y);
}

fn cuda_std_make_pair_float_int(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_a: f32, cw_a_b: i32) -> cuda_std_pair_float_int {
  var a = cw_a_a;
  var b = cw_a_b;
  var u___tmp558: cuda_std_pair_float_int;
  u___tmp558 = cuda_std_pair_float_int(0.0f, 0i);
  cuda_std_pair_float_int_cuda_std_pair_float_int_1_0(cw_tid, cw_bid, 0i, &u___tmp558, a, b);
  return u___tmp558;
}

fn cuda_std_pair_float_int_cuda_std_pair_float_int_1_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, cuda_std_pair_float_int>, cw_v_a: f32, cw_v_b: i32) {
  var po_self = cw_a_self;
  var po_a = 0i;
  var po_b = 0i;
  (*cw_r_self).first = cw_v_a;
  (*cw_r_self).second = cw_v_b;
}

fn cuda_std_plus_float_operator_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, cuda_std_plus_float>, cw_v_a: f32, cw_a_b: i32, cw_r_b: ptr<function, f32>) -> f32 {
  var po_self = cw_a_self;
  var po_a = 0i;
  var po_b = cw_a_b;
  return (cw_v_a + (*cw_r_b));
}

fn cuda_std_fabs(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_x: f32) -> f32 {
  var x = cw_a_x;
  return abs(x);
}

fn cuda_std_sqrt(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_x: f32) -> f32 {
  var x = cw_a_x;
  return sqrt(x);
}

fn cuda_std_max_float_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_a: i32, cw_r_a: ptr<function, f32>, cw_a_b: i32, cw_r_b: ptr<function, f32>) -> f32 {
  var po_a = cw_a_a;
  var po_b = cw_a_b;
  return select((*cw_r_a), (*cw_r_b), ((*cw_r_a) < (*cw_r_b)));
}

fn std_numeric_limits_float_max(cw_tid: vec3<u32>, cw_bid: vec3<u32>) -> f32 {
  return 3.4028234663852886e+38f;
}

fn cuda_std_popcount_unsignedint(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_x: u32) -> i32 {
  var x = cw_a_x;
  return cuda_std___cw_popc64(cw_tid, cw_bid, vec2<u32>(x, 0u));
}

fn cuda_std___cw_popc64(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_x: vec2<u32>) -> i32 {
  var x = cw_a_x;
  return cw_popc64(x);
}

fn cuda_std_countl_zero_unsignedint(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_x: u32) -> i32 {
  var x = cw_a_x;
  return (cuda_std___cw_clz64(cw_tid, cw_bid, vec2<u32>(x, 0u)) - (64i - (8i * 4i)));
}

fn cuda_std___cw_clz64(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_x: vec2<u32>) -> i32 {
  var x = cw_a_x;
  return cw_clz64(x);
}

fn cuda_std_countr_zero_unsignedint(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_x: u32) -> i32 {
  var x = cw_a_x;
  var n: i32 = cuda_std___cw_ctz64(cw_tid, cw_bid, vec2<u32>(x, 0u));
  return select(n, (8i * 4i), (n > (8i * 4i)));
}

fn cuda_std___cw_ctz64(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_x: vec2<u32>) -> i32 {
  var x = cw_a_x;
  return select(64i, (cw_ffs64(x) - 1i), any(x != vec2<u32>(0u, 0u)));
}

fn cuda_std_has_single_bit_unsignedint(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_x: u32) -> bool {
  var x = cw_a_x;
  return ((x != 0u) && ((x & (x - 1u)) == 0u));
}

fn cuda_std_bit_width_unsignedint(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_x: u32) -> i32 {
  var x = cw_a_x;
  return ((8i * 4i) - cuda_std_countl_zero_unsignedint(cw_tid, cw_bid, x));
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn libraryMath(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var po___tmp497: i32;
  var po___tmp498: i32;
  var u___tmp524: cuda_std_complex_float;
  var u___tmp528: cuda_std_complex_float;
  var u___tmp532: cuda_std_complex_float;
  var u___tmp533: cuda_std_complex_float;
  var u___tmp562: cuda_std_plus_float;
  var u___tmp565: f32;
  var u___tmp566: f32;
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  var a: cuda_std_array_float_3 = cuda_std_array_float_3(array<f32, 3>(x[i], (2.0f * x[i]), 0.5f));
  var sum: f32 = 0.0f;
  {
    po___tmp498 = cuda_std_array_float_3_begin_0(cw_tid, cw_bid, 0i, &a);
    po___tmp497 = cuda_std_array_float_3_end_0(cw_tid, cw_bid, 0i, &a);
    loop {
      if !((po___tmp498 != po___tmp497)) { break; }
      var e: f32 = a.u___elems[po___tmp498];
      sum = (sum + e);
      continuing {
        po___tmp498 = (po___tmp498 + 1i);
      }
    }
  }
  u___tmp524 = cuda_std_complex_float(0.0f, 0.0f);
  cuda_std_complex_float_cuda_std_complex_float_2_0(cw_tid, cw_bid, 0i, &u___tmp524, x[i], 0.5f);
  var z: cuda_std_complex_float = u___tmp524;
  u___tmp532 = cuda_std_operator_p_float_0(cw_tid, cw_bid, 0i, &z, 0i, &z);
  u___tmp528 = cuda_std_complex_float(0.0f, 0.0f);
  cuda_std_complex_float_cuda_std_complex_float_2_1(cw_tid, cw_bid, 0i, &u___tmp528, 1.0f, 0.0f);
  u___tmp533 = u___tmp528;
  z = cuda_std_operator_float_0(cw_tid, cw_bid, 0i, &u___tmp532, 0i, &u___tmp533);
  var p: cuda_std_pair_float_int = cuda_std_make_pair_float_int(cw_tid, cw_bid, cuda_std_abs_float_0(cw_tid, cw_bid, 0i, &z), i);
  u___tmp562 = cuda_std_plus_float();
  u___tmp565 = cuda_std_sqrt(cw_tid, cw_bid, cuda_std_fabs(cw_tid, cw_bid, x[i]));
  u___tmp566 = 0.25f;
  out[i] = ((cuda_std_plus_float_operator_0(cw_tid, cw_bid, 0i, &u___tmp562, p.first, 0i, &sum) + cuda_std_max_float_0(cw_tid, cw_bid, 0i, &u___tmp565, 0i, &u___tmp566)) + select(0.0f, 1.0f, (x[i] < std_numeric_limits_float_max(cw_tid, cw_bid))));
  var w: u32 = u[i];
  bits[i] = ((((u32(cuda_std_popcount_unsignedint(cw_tid, cw_bid, w)) | (u32(cuda_std_countl_zero_unsignedint(cw_tid, cw_bid, w)) << u32(8i))) | (u32(cuda_std_countr_zero_unsignedint(cw_tid, cw_bid, (w | 2147483648u))) << u32(16i))) | select(0u, (1u << u32(24i)), cuda_std_has_single_bit_unsignedint(cw_tid, cw_bid, (w & 255u)))) | (u32(cuda_std_bit_width_unsignedint(cw_tid, cw_bid, (w & 65535u))) << u32(25i)));
}

// ==== kernel libraryViews ====
// not emitted: the WGSL target supports pointers to whole variables and to elements of one-dimensional arrays only

