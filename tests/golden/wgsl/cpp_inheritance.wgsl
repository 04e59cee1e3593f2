// ==== kernel inheritKernel ====
// kernel inheritKernel, from <source> by cuwasm

struct Shape {
  id: i32,
}

struct Weighted {
  weight: i32,
}

struct Square {
  u___base0: Shape,
  u___base1: Weighted,
  side: i32,
}

struct PixelIO_int_true {
  end: i32,
  stride: i32,
}

struct PixelWriter_int_true {
  u___base0: PixelIO_int_true,
  next: i32,
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
@group(0) @binding(3) var<storage, read_write> io: array<i32>;

fn Square_Square_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, Square>, cw_a_i: i32, cw_a_s: i32) {
  var po_self = cw_a_self;
  var i = cw_a_i;
  var s = cw_a_s;
  Shape_Shape_0(cw_tid, cw_bid, 0i, &(*cw_r_self).u___base0, i);
  (*cw_r_self).side = s;
}

fn Shape_Shape_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, Shape>, cw_a_i: i32) {
  var po_self = cw_a_self;
  var i = cw_a_i;
  (*cw_r_self).id = i;
}

fn PixelWriter_int_true_init_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, PixelWriter_int_true>, cw_a_sizeX: i32, cw_a_firstX: i32) {
  var po_self = cw_a_self;
  var sizeX = cw_a_sizeX;
  var firstX = cw_a_firstX;
  (*cw_r_self).next = PixelIO_int_true_initialize_0(cw_tid, cw_bid, 0i, &(*cw_r_self).u___base0, sizeX, firstX);
  (*cw_r_self).u___base0.end = ((*cw_r_self).u___base0.end + 1i);
}

fn PixelIO_int_true_initialize_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, PixelIO_int_true>, cw_a_sizeX: i32, cw_a_firstX: i32) -> i32 {
  var po_self = cw_a_self;
  var sizeX = cw_a_sizeX;
  var firstX = cw_a_firstX;
  (*cw_r_self).end = select(0i, (sizeX + firstX), true);
  (*cw_r_self).stride = sizeX;
  return firstX;
}

fn Square_area_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, Square>) -> i32 {
  var po_self = cw_a_self;
  return ((((*cw_r_self).side * (*cw_r_self).side) + Shape_twice(cw_tid, cw_bid, (*cw_r_self).u___base0)) + (*cw_r_self).u___base1.weight);
}

fn Shape_twice(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_v_self: Shape) -> i32 {
  var po_self = 0i;
  return (2i * cw_v_self.id);
}

fn idOf(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_v_s: Shape) -> i32 {
  var po_s = 0i;
  return cw_v_s.id;
}

fn twiceOf(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_v_s: Shape) -> i32 {
  var po_s = 0i;
  return Shape_twice(cw_tid, cw_bid, cw_v_s);
}

fn PixelWriter_int_true_value_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, PixelWriter_int_true>) -> i32 {
  var po_self = cw_a_self;
  return ((((*cw_r_self).next * 100i) + ((*cw_r_self).u___base0.end * 10i)) + (*cw_r_self).u___base0.stride);
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn inheritKernel(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var u___tmp14: Square;
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  u___tmp14 = Square(Shape(0i), Weighted(3i), 0i);
  Square_Square_0(cw_tid, cw_bid, 0i, &u___tmp14, in[i], 2i);
  var sq: Square = u___tmp14;
  var w: PixelWriter_int_true;
  PixelWriter_int_true_init_0(cw_tid, cw_bid, 0i, &w, 4i, (i % 5i));
  out[i] = (((Square_area_0(cw_tid, cw_bid, 0i, &sq) * 1000i) + idOf(cw_tid, cw_bid, sq.u___base0)) + (twiceOf(cw_tid, cw_bid, sq.u___base0) * 1000000i));
  io[i] = PixelWriter_int_true_value_0(cw_tid, cw_bid, 0i, &w);
}

