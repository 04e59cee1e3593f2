// ==== kernel nbodyStep ====
// kernel nbodyStep, from <source> by cuwasm

struct Vec3 {
  x: f32,
  y: f32,
  z: f32,
}

struct Body {
  pos: Vec3,
  vel: Vec3,
  mass: f32,
}

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) n: i32,
  dt: f32,
  eps: f32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> in: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;
var<workgroup> tile: array<Body, 64>;

fn Body_load_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, Body>, cw_a_p: i32) {
  var po_self = cw_a_self;
  var po_p = cw_a_p;
  var u___tmp27: Vec3;
  var u___tmp28: Vec3;
  u___tmp27 = Vec3(0.0f, 0.0f, 0.0f);
  Vec3_Vec3_0(cw_tid, cw_bid, 0i, &u___tmp27, in[po_p + 0i], in[po_p + 1i], in[po_p + 2i]);
  (*cw_r_self).pos = u___tmp27;
  u___tmp28 = Vec3(0.0f, 0.0f, 0.0f);
  Vec3_Vec3_1(cw_tid, cw_bid, 0i, &u___tmp28, in[po_p + 3i], in[po_p + 4i], in[po_p + 5i]);
  (*cw_r_self).vel = u___tmp28;
  (*cw_r_self).mass = in[po_p + 6i];
}

fn Vec3_Vec3_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, Vec3>, cw_a_x_: f32, cw_a_y_: f32, cw_a_z_: f32) {
  var po_self = cw_a_self;
  var x_ = cw_a_x_;
  var y_ = cw_a_y_;
  var z_ = cw_a_z_;
  (*cw_r_self).x = x_;
  (*cw_r_self).y = y_;
  (*cw_r_self).z = z_;
}

fn Vec3_Vec3_1(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, Vec3>, cw_a_x_: f32, cw_a_y_: f32, cw_a_z_: f32) {
  var po_self = cw_a_self;
  var x_ = cw_a_x_;
  var y_ = cw_a_y_;
  var z_ = cw_a_z_;
  (*cw_r_self).x = x_;
  (*cw_r_self).y = y_;
  (*cw_r_self).z = z_;
}

fn Vec3_Vec3_2(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, Vec3>, cw_a_x_: f32, cw_a_y_: f32, cw_a_z_: f32) {
  var po_self = cw_a_self;
  var x_ = cw_a_x_;
  var y_ = cw_a_y_;
  var z_ = cw_a_z_;
  (*cw_r_self).x = x_;
  (*cw_r_self).y = y_;
  (*cw_r_self).z = z_;
}

fn Body_load_1(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_a_p: i32) {
  var po_self = cw_a_self;
  var po_p = cw_a_p;
  var u___tmp27: Vec3;
  var u___tmp28: Vec3;
  u___tmp27 = Vec3(0.0f, 0.0f, 0.0f);
  Vec3_Vec3_0(cw_tid, cw_bid, 0i, &u___tmp27, in[po_p + 0i], in[po_p + 1i], in[po_p + 2i]);
  tile[po_self].pos = u___tmp27;
  u___tmp28 = Vec3(0.0f, 0.0f, 0.0f);
  Vec3_Vec3_1(cw_tid, cw_bid, 0i, &u___tmp28, in[po_p + 3i], in[po_p + 4i], in[po_p + 5i]);
  tile[po_self].vel = u___tmp28;
  tile[po_self].mass = in[po_p + 6i];
}

fn Body_pullFrom_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, Body>, cw_v_other: Body, cw_a_eps2: f32) -> Vec3 {
  var po_self = cw_a_self;
  var po_other = 0i;
  var eps2 = cw_a_eps2;
  var d: Vec3 = Vec3_operator_1(cw_tid, cw_bid, cw_v_other.pos, (*cw_r_self).pos);
  var r2: f32 = (Vec3_dot_0(cw_tid, cw_bid, 0i, &d, 0i, &d) + eps2);
  var inv: f32 = inverseSqrt(r2);
  return Vec3_operator_p_0(cw_tid, cw_bid, 0i, &d, (((cw_v_other.mass * inv) * inv) * inv));
}

fn Vec3_operator_1(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_v_self: Vec3, cw_v_o: Vec3) -> Vec3 {
  var po_self = 0i;
  var po_o = 0i;
  var u___tmp15: Vec3;
  u___tmp15 = Vec3(0.0f, 0.0f, 0.0f);
  Vec3_Vec3_3(cw_tid, cw_bid, 0i, &u___tmp15, (cw_v_self.x - cw_v_o.x), (cw_v_self.y - cw_v_o.y), (cw_v_self.z - cw_v_o.z));
  return u___tmp15;
}

fn Vec3_Vec3_3(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, Vec3>, cw_a_x_: f32, cw_a_y_: f32, cw_a_z_: f32) {
  var po_self = cw_a_self;
  var x_ = cw_a_x_;
  var y_ = cw_a_y_;
  var z_ = cw_a_z_;
  (*cw_r_self).x = x_;
  (*cw_r_self).y = y_;
  (*cw_r_self).z = z_;
}

fn Vec3_dot_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, Vec3>, cw_a_o: i32, cw_r_o: ptr<function, Vec3>) -> f32 {
  var po_self = cw_a_self;
  var po_o = cw_a_o;
  return ((((*cw_r_self).x * (*cw_r_o).x) + ((*cw_r_self).y * (*cw_r_o).y)) + ((*cw_r_self).z * (*cw_r_o).z));
}

fn Vec3_operator_p_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, Vec3>, cw_a_s: f32) -> Vec3 {
  var po_self = cw_a_self;
  var s = cw_a_s;
  var u___tmp16: Vec3;
  u___tmp16 = Vec3(0.0f, 0.0f, 0.0f);
  Vec3_Vec3_4(cw_tid, cw_bid, 0i, &u___tmp16, ((*cw_r_self).x * s), ((*cw_r_self).y * s), ((*cw_r_self).z * s));
  return u___tmp16;
}

fn Vec3_Vec3_4(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, Vec3>, cw_a_x_: f32, cw_a_y_: f32, cw_a_z_: f32) {
  var po_self = cw_a_self;
  var x_ = cw_a_x_;
  var y_ = cw_a_y_;
  var z_ = cw_a_z_;
  (*cw_r_self).x = x_;
  (*cw_r_self).y = y_;
  (*cw_r_self).z = z_;
}

fn Vec3_operator_2_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, Vec3>, cw_a_o: i32, cw_r_o: ptr<function, Vec3>) -> i32 {
  var po_self = cw_a_self;
  var po_o = cw_a_o;
  (*cw_r_self).x = ((*cw_r_self).x + (*cw_r_o).x);
  (*cw_r_self).y = ((*cw_r_self).y + (*cw_r_o).y);
  (*cw_r_self).z = ((*cw_r_self).z + (*cw_r_o).z);
  return po_self;
}

fn Body_advance_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, Body>, cw_a_acc: i32, cw_r_acc: ptr<function, Vec3>, cw_a_dt: f32) {
  var po_self = cw_a_self;
  var po_acc = cw_a_acc;
  var dt = cw_a_dt;
  var u___tmp32: Vec3;
  var u___tmp33: Vec3;
  u___tmp32 = Vec3_operator_p_1(cw_tid, cw_bid, (*cw_r_acc), dt);
  _ = Vec3_operator_2_1(cw_tid, cw_bid, 0i, &(*cw_r_self).vel, 0i, &u___tmp32);
  u___tmp33 = Vec3_operator_p_1(cw_tid, cw_bid, (*cw_r_self).vel, dt);
  _ = Vec3_operator_2_2(cw_tid, cw_bid, 0i, &(*cw_r_self).pos, 0i, &u___tmp33);
}

fn Vec3_operator_p_1(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_v_self: Vec3, cw_a_s: f32) -> Vec3 {
  var po_self = 0i;
  var s = cw_a_s;
  var u___tmp16: Vec3;
  u___tmp16 = Vec3(0.0f, 0.0f, 0.0f);
  Vec3_Vec3_4(cw_tid, cw_bid, 0i, &u___tmp16, (cw_v_self.x * s), (cw_v_self.y * s), (cw_v_self.z * s));
  return u___tmp16;
}

fn Vec3_operator_2_1(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, Vec3>, cw_a_o: i32, cw_r_o: ptr<function, Vec3>) -> i32 {
  var po_self = cw_a_self;
  var po_o = cw_a_o;
  (*cw_r_self).x = ((*cw_r_self).x + (*cw_r_o).x);
  (*cw_r_self).y = ((*cw_r_self).y + (*cw_r_o).y);
  (*cw_r_self).z = ((*cw_r_self).z + (*cw_r_o).z);
  return po_self;
}

fn Vec3_operator_2_2(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, Vec3>, cw_a_o: i32, cw_r_o: ptr<function, Vec3>) -> i32 {
  var po_self = cw_a_self;
  var po_o = cw_a_o;
  (*cw_r_self).x = ((*cw_r_self).x + (*cw_r_o).x);
  (*cw_r_self).y = ((*cw_r_self).y + (*cw_r_o).y);
  (*cw_r_self).z = ((*cw_r_self).z + (*cw_r_o).z);
  return po_self;
}

fn Body_store_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, Body>, cw_a_p: i32) {
  var po_self = cw_a_self;
  var po_p = cw_a_p;
  out[po_p + 0i] = (*cw_r_self).pos.x;
  out[po_p + 1i] = (*cw_r_self).pos.y;
  out[po_p + 2i] = (*cw_r_self).pos.z;
  out[po_p + 3i] = (*cw_r_self).vel.x;
  out[po_p + 4i] = (*cw_r_self).vel.y;
  out[po_p + 5i] = (*cw_r_self).vel.z;
  out[po_p + 6i] = (*cw_r_self).mass;
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn nbodyStep(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var dt = cw_p.dt;
  var eps = cw_p.eps;
  var u___tmp43: Vec3;
  var u___tmp48: Vec3;
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  var me: Body = Body(Vec3(), Vec3(), 0.0f);
  if ((i < n)) {
    Body_load_0(cw_tid, cw_bid, 0i, &me, (0i + (7i * i)));
  }
  u___tmp43 = Vec3(0.0f, 0.0f, 0.0f);
  Vec3_Vec3_2(cw_tid, cw_bid, 0i, &u___tmp43, 0.0f, 0.0f, 0.0f);
  var acc: Vec3 = u___tmp43;
  {
    var base: i32 = 0i;
    loop {
      if !((base < n)) { break; }
      var j: i32 = i32((u32(base) + cw_tid.x));
      if ((j < n)) {
        Body_load_1(cw_tid, cw_bid, i32(cw_tid.x), (0i + (7i * j)));
      }
      storageBarrier();
      workgroupBarrier();
      var count: i32 = min(i32(cw_bx), (n - base));
      {
        var k: i32 = 0i;
        loop {
          if !((k < count)) { break; }
          u___tmp48 = Body_pullFrom_0(cw_tid, cw_bid, 0i, &me, tile[k], (eps * eps));
          _ = Vec3_operator_2_0(cw_tid, cw_bid, 0i, &acc, 0i, &u___tmp48);
          continuing {
            k = (k + 1i);
          }
        }
      }
      storageBarrier();
      workgroupBarrier();
      continuing {
        base = i32((u32(base) + cw_bx));
      }
    }
  }
  if ((i < n)) {
    Body_advance_0(cw_tid, cw_bid, 0i, &me, 0i, &acc, dt);
    Body_store_0(cw_tid, cw_bid, 0i, &me, (0i + (7i * i)));
  }
}

