// ==== kernel classKernel ====
// kernel classKernel, from <source> by cuwasm

struct Particle {
  pos: array<i32, 3>,
  acc: array<i32, 3>,
  bias: i32,
}

struct Defaulted {
  a: i32,
  b: i32,
}

struct Range_int {
  lo_: i32,
  hi_: i32,
}

struct Box_int {
  v: i32,
}

struct Holder_int_Box_int {
  box: Box_int,
}

struct geom_Counter {
  start: i32,
  u_step: i32,
  pad: i32,
}

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) n: u32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> in: array<i32>;
@group(0) @binding(2) var<storage, read_write> out: array<i32>;

fn Particle_Particle_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, Particle>) {
  var po_self = cw_a_self;
  (*cw_r_self).bias = 100i;
  (*cw_r_self).pos[0i] = 0i;
  (*cw_r_self).pos[1i] = 0i;
  (*cw_r_self).pos[2i] = 0i;
  (*cw_r_self).acc[0i] = 1i;
  (*cw_r_self).acc[1i] = 2i;
  (*cw_r_self).acc[2i] = 0i;
}

fn Defaulted_Defaulted_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, Defaulted>) {
  var po_self = cw_a_self;
  (*cw_r_self).a = 5i;
  (*cw_r_self).b = 6i;
  (*cw_r_self).b = 60i;
}

fn Defaulted_Defaulted_1_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, Defaulted>, cw_a_x: i32) {
  var po_self = cw_a_self;
  var x = cw_a_x;
  (*cw_r_self).a = 5i;
  (*cw_r_self).b = 6i;
  (*cw_r_self).a = x;
}

fn Defaulted_Defaulted_1(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, Defaulted>) {
  var po_self = cw_a_self;
  (*cw_r_self).a = 5i;
  (*cw_r_self).b = 6i;
  (*cw_r_self).b = 60i;
}

fn Range_int_Range_int_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, Range_int>, cw_a_lo: i32, cw_a_hi: i32) {
  var po_self = cw_a_self;
  var lo = cw_a_lo;
  var hi = cw_a_hi;
  (*cw_r_self).lo_ = lo;
  (*cw_r_self).hi_ = hi;
}

fn Particle_sum_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, Particle>) -> i32 {
  var po_self = cw_a_self;
  return ((((((*cw_r_self).pos[0i] + (*cw_r_self).pos[2i]) + (*cw_r_self).acc[0i]) + (*cw_r_self).acc[1i]) + (*cw_r_self).acc[2i]) + (*cw_r_self).bias);
}

fn Range_int_lower_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, Range_int>) -> i32 {
  var po_self = cw_a_self;
  return (*cw_r_self).lo_;
}

fn Range_int_width_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, Range_int>) -> i32 {
  var po_self = cw_a_self;
  return ((*cw_r_self).hi_ - (*cw_r_self).lo_);
}

fn Range_int_unit(cw_tid: vec3<u32>, cw_bid: vec3<u32>) -> Range_int {
  var u___tmp26: Range_int;
  u___tmp26 = Range_int(0i, 0i);
  Range_int_Range_int_1(cw_tid, cw_bid, 0i, &u___tmp26, 0i, 1i);
  return u___tmp26;
}

fn Range_int_Range_int_1(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, Range_int>, cw_a_lo: i32, cw_a_hi: i32) {
  var po_self = cw_a_self;
  var lo = cw_a_lo;
  var hi = cw_a_hi;
  (*cw_r_self).lo_ = lo;
  (*cw_r_self).hi_ = hi;
}

fn Range_int_width_1(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, Range_int>) -> i32 {
  var po_self = cw_a_self;
  return ((*cw_r_self).hi_ - (*cw_r_self).lo_);
}

fn Holder_int_Box_int_get_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, Holder_int_Box_int>) -> i32 {
  var po_self = cw_a_self;
  return (*cw_r_self).box.v;
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn classKernel(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var u___tmp18: Defaulted;
  var u___tmp20: Defaulted;
  var u___tmp28: Range_int;
  var u___tmp32: Range_int;
  var i: u32 = ((cw_bid.x * cw_bx) + cw_tid.x);
  if ((i >= n)) {
    return;
  }
  var c: geom_Counter = geom_Counter(7i, 2i, 0i);
  var d: geom_Counter = geom_Counter(1i, 2i, 0i);
  var e: geom_Counter = geom_Counter(1i, 1i, 1i);
  var pt: Particle;
  Particle_Particle_0(cw_tid, cw_bid, 0i, &pt);
  var x: Defaulted;
  Defaulted_Defaulted_0(cw_tid, cw_bid, 0i, &x);
  u___tmp18 = Defaulted(5i, 6i);
  Defaulted_Defaulted_1_0(cw_tid, cw_bid, 0i, &u___tmp18, 9i);
  var y: Defaulted = u___tmp18;
  u___tmp20 = Defaulted(5i, 6i);
  Defaulted_Defaulted_1(cw_tid, cw_bid, 0i, &u___tmp20);
  var z: Defaulted = u___tmp20;
  u___tmp28 = Range_int(0i, 0i);
  Range_int_Range_int_0(cw_tid, cw_bid, 0i, &u___tmp28, in[i], (in[i] + 10i));
  var r: Range_int = u___tmp28;
  var h: Holder_int_Box_int = Holder_int_Box_int(Box_int(3i));
  var v: i32 = ((c.start + (c.u_step * 10i)) + (c.pad * 1000i));
  v = (v + (((d.start * 100i) + (d.u_step * 1000i)) + (e.pad * 10000i)));
  v = (v + (Particle_sum_0(cw_tid, cw_bid, 0i, &pt) * 100000i));
  v = (v + ((((x.a + x.b) + y.a) + y.b) + z.b));
  u___tmp32 = Range_int_unit(cw_tid, cw_bid);
  v = (v + ((((Range_int_lower_0(cw_tid, cw_bid, 0i, &r) * 2i) + Range_int_width_0(cw_tid, cw_bid, 0i, &r)) + Range_int_width_1(cw_tid, cw_bid, 0i, &u___tmp32)) + Holder_int_Box_int_get_0(cw_tid, cw_bid, 0i, &h)));
  out[i] = v;
}

// ==== kernel rangeKernel ====
// kernel rangeKernel, from <source> by cuwasm

struct Triple {
  v: array<i32, 3>,
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

fn Triple_begin_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, Triple>) -> i32 {
  var po_self = cw_a_self;
  return 0i;
}

fn Triple_end_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, Triple>) -> i32 {
  var po_self = cw_a_self;
  return (0i + 3i);
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn rangeKernel(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var u___tmp41: i32;
  var po___tmp42: i32;
  var u___tmp45: i32;
  var po___tmp46: i32;
  var u___tmp49: i32;
  var po___tmp50: i32;
  var po___tmp54: i32;
  var po___tmp55: i32;
  var po___tmp58: i32;
  var po___tmp59: i32;
  var i: i32 = i32(cw_tid.x);
  var a: array<i32, 4> = array<i32, 4>(in[i], 1i, 2i, 3i);
  var s: i32 = 0i;
  {
    po___tmp42 = 0i;
    u___tmp41 = 0i;
    loop {
      if !((u___tmp41 < 4i)) { break; }
      var x: i32 = a[po___tmp42 + u___tmp41];
      s = (s + x);
      continuing {
        u___tmp41 = (u___tmp41 + 1i);
      }
    }
  }
  {
    po___tmp46 = 0i;
    u___tmp45 = 0i;
    loop {
      if !((u___tmp45 < 4i)) { break; }
      var po_x: i32 = (po___tmp46 + u___tmp45);
      a[po_x] = (a[po_x] * 10i);
      continuing {
        u___tmp45 = (u___tmp45 + 1i);
      }
    }
  }
  {
    po___tmp50 = 0i;
    u___tmp49 = 0i;
    loop {
      if !((u___tmp49 < 4i)) { break; }
      var po_x: i32 = (po___tmp50 + u___tmp49);
      s = (s + a[po_x]);
      continuing {
        u___tmp49 = (u___tmp49 + 1i);
      }
    }
  }
  var t: Triple = Triple(array<i32, 3>(i, (2i * i), 3i));
  {
    po___tmp55 = Triple_begin_0(cw_tid, cw_bid, 0i, &t);
    po___tmp54 = Triple_end_0(cw_tid, cw_bid, 0i, &t);
    loop {
      if !((po___tmp55 != po___tmp54)) { break; }
      var po_y: i32 = po___tmp55;
      t.v[po_y] = (t.v[po_y] + 1i);
      continuing {
        po___tmp55 = (po___tmp55 + 1i);
      }
    }
  }
  {
    po___tmp59 = Triple_begin_0(cw_tid, cw_bid, 0i, &t);
    po___tmp58 = Triple_end_0(cw_tid, cw_bid, 0i, &t);
    loop {
      if !((po___tmp59 != po___tmp58)) { break; }
      var y: i32 = t.v[po___tmp59];
      s = (s + (100i * y));
      continuing {
        po___tmp59 = (po___tmp59 + 1i);
      }
    }
  }
  out[i] = s;
}

// ==== kernel bitsKernel ====
// kernel bitsKernel, from <source> by cuwasm

struct Packed {
  lo: u32,
  mid: u32,
  sgn: i32,
  tail: u32,
  wide: u32,
  top: u32,
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

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn bitsKernel(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var i: i32 = i32(cw_tid.x);
  var p: Packed = Packed(0u, 0u, 0i, 0u, 0u, 0u);
  p.lo = extractBits(u32(in[i]), 0u, 3u);
  p.mid = extractBits(31u, 0u, 5u);
  p.mid = extractBits((p.mid + 2u), 0u, 5u);
  p.sgn = extractBits((-(i % 8i)), 0u, 4u);
  p.tail = 7u;
  p.wide = extractBits(u32(i), 0u, 30u);
  p.top = extractBits(15u, 0u, 4u);
  out[i] = i32((((((((p.lo * 1000u) + (p.mid * 100u)) + u32(p.sgn)) + u32((12i * 100000i))) + (p.wide * 10000000u)) + (p.top * 10u)) + p.tail));
}

