// ==== kernel reflectRays ====
// kernel reflectRays, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) n: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> dirs: array<f32>;
@group(0) @binding(2) var<storage, read> normals: array<f32>;
@group(0) @binding(3) var<storage, read_write> out: array<f32>;

fn operator_1(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_a: vec3<f32>, cw_a_b: vec3<f32>) -> vec3<f32> {
  var a = cw_a_a;
  var b = cw_a_b;
  return vec3<f32>((a.x - b.x), (a.y - b.y), (a.z - b.z));
}

fn normalize(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_v: vec3<f32>) -> vec3<f32> {
  var v = cw_a_v;
  return operator_p(cw_tid, cw_bid, v, inverseSqrt((u_dot(cw_tid, cw_bid, v, v) + 9.99999996e-13f)));
}

fn u_dot(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_a: vec3<f32>, cw_a_b: vec3<f32>) -> f32 {
  var a = cw_a_a;
  var b = cw_a_b;
  return (((a.x * b.x) + (a.y * b.y)) + (a.z * b.z));
}

fn operator_p(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_a: vec3<f32>, cw_a_s: f32) -> vec3<f32> {
  var a = cw_a_a;
  var s = cw_a_s;
  return vec3<f32>((a.x * s), (a.y * s), (a.z * s));
}

fn operator_p_1(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_s: f32, cw_a_a: vec3<f32>) -> vec3<f32> {
  var s = cw_a_s;
  var a = cw_a_a;
  return operator_p(cw_tid, cw_bid, a, s);
}

fn cross(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_a: vec3<f32>, cw_a_b: vec3<f32>) -> vec3<f32> {
  var a = cw_a_a;
  var b = cw_a_b;
  return vec3<f32>(((a.y * b.z) - (a.z * b.y)), ((a.z * b.x) - (a.x * b.z)), ((a.x * b.y) - (a.y * b.x)));
}

fn operator_3_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_a: i32, cw_r_a: ptr<function, vec3<f32>>, cw_a_b: vec3<f32>) -> i32 {
  var po_a = cw_a_a;
  var b = cw_a_b;
  (*cw_r_a).x = ((*cw_r_a).x + b.x);
  (*cw_r_a).y = ((*cw_r_a).y + b.y);
  (*cw_r_a).z = ((*cw_r_a).z + b.z);
  return po_a;
}

fn operator_2(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_a: vec3<f32>) -> vec3<f32> {
  var a = cw_a_a;
  return vec3<f32>((-a.x), (-a.y), (-a.z));
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn reflectRays(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  if ((i >= n)) {
    return;
  }
  var d: vec3<f32> = vec3<f32>(dirs[(3i * i)], dirs[((3i * i) + 1i)], dirs[((3i * i) + 2i)]);
  var nrm: vec3<f32> = normalize(cw_tid, cw_bid, operator_1(cw_tid, cw_bid, vec3<f32>(normals[(3i * i)], normals[((3i * i) + 1i)], normals[((3i * i) + 2i)]), vec3<f32>(0.5f, 0.5f, 0.5f)));
  var r: vec3<f32> = operator_1(cw_tid, cw_bid, d, operator_p_1(cw_tid, cw_bid, (2.0f * u_dot(cw_tid, cw_bid, d, nrm)), nrm));
  _ = operator_3_0(cw_tid, cw_bid, 0i, &r, operator_p(cw_tid, cw_bid, cross(cw_tid, cw_bid, nrm, d), 0.0f));
  r = operator_2(cw_tid, cw_bid, operator_2(cw_tid, cw_bid, r));
  out[(3i * i)] = r.x;
  out[((3i * i) + 1i)] = r.y;
  out[((3i * i) + 2i)] = r.z;
}

// ==== kernel rotate2d ====
// kernel rotate2d, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) n: i32,
  t: f32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> pts: array<vec2<f32>>;
@group(0) @binding(2) var<storage, read_write> out: array<vec2<f32>>;

fn cw_trig_r(x: f32, k: f32) -> f32 {
  return ((x - k * 0x1.92p+0f) - k * 0x1.fb4p-12f) - k * 0x1.4442d2p-24f;
}

fn cw_sin_r(r: f32) -> f32 {
  let z = r * r;
  return fma(((-0x1.9943f2p-13f * z + 0x1.11073cp-7f) * z - 0x1.555546p-3f) * z, r, r);
}

fn cw_cos_r(r: f32) -> f32 {
  let z = r * r;
  return fma(((0x1.99eb9cp-16f * z - 0x1.6c0c34p-10f) * z + 0x1.55554ap-5f) * z, z, 1.0f - 0.5f * z);
}

fn cw_sin(x: f32) -> f32 {
  let k = round(x * 0x1.45f306p-1f);
  let r = cw_trig_r(x, k);
  let q = i32(k) & 3;
  let v = select(cw_sin_r(r), cw_cos_r(r), (q & 1) == 1);
  return select(v, -v, q >= 2);
}

fn cw_cos(x: f32) -> f32 {
  let k = round(x * 0x1.45f306p-1f);
  let r = cw_trig_r(x, k);
  let q = i32(k) & 3;
  let v = select(cw_cos_r(r), cw_sin_r(r), (q & 1) == 1);
  return select(v, -v, q == 1 || q == 2);
}

fn operator_p_2(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_a: vec2<f32>, cw_a_b: vec2<f32>) -> vec2<f32> {
  var a = cw_a_a;
  var b = cw_a_b;
  return vec2<f32>(((a.x * b.x) - (a.y * b.y)), ((a.x * b.y) + (a.y * b.x)));
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn rotate2d(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var t = cw_p.t;
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  if ((i < n)) {
    out[i] = operator_p_2(cw_tid, cw_bid, pts[i], vec2<f32>(cw_cos(t), cw_sin(t)));
  }
}

