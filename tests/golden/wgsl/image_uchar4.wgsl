// ==== kernel rgbaToGray ====
// kernel rgbaToGray, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) width: i32,
  height: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> rgba: array<u32>;
@group(0) @binding(2) var<storage, read_write> gray: array<atomic<u32>>;

fn cw_unpack_u8x4(w: u32) -> vec4<u32> { return vec4<u32>(w & 0xffu, (w >> 8u) & 0xffu, (w >> 16u) & 0xffu, w >> 24u); }

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn rgbaToGray(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var width = cw_p.width;
  var height = cw_p.height;
  var x: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  var y: i32 = i32(((cw_bid.y * cw_by) + cw_tid.y));
  if (((x < width) && (y < height))) {
    let cw_t0 = u32(0i + ((y * width) + x));
    var p: vec4<u32> = cw_unpack_u8x4(rgba[cw_t0]);
    var g: f32 = (((0.298999995f * f32(p.x)) + (0.587000012f * f32(p.y))) + (0.114f * f32(p.z)));
    let cw_t1 = u32(0i + ((y * width) + x));
    let cw_t2 = ((cw_t1 % 4u) * 8u);
    atomicAnd(&gray[(cw_t1 / 4u)], ~(0xffu << cw_t2)); atomicOr(&gray[(cw_t1 / 4u)], (u32((u32(round(g)) & 0xffu)) & 0xffu) << cw_t2);
  }
}

// ==== kernel brighten ====
// kernel brighten, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) n: i32,
  delta: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read_write> px: array<u32>;

fn cw_unpack_u8x4(w: u32) -> vec4<u32> { return vec4<u32>(w & 0xffu, (w >> 8u) & 0xffu, (w >> 16u) & 0xffu, w >> 24u); }

fn cw_pack_8x4(v: vec4<u32>) -> u32 { return (v.x & 0xffu) | ((v.y & 0xffu) << 8u) | ((v.z & 0xffu) << 16u) | (v.w << 24u); }

fn sat(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_v: i32) -> u32 {
  var v = cw_a_v;
  return (u32(min(max(v, 0i), 255i)) & 0xffu);
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn brighten(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var delta = cw_p.delta;
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  if ((i >= n)) {
    return;
  }
  let cw_t0 = u32(0i + i);
  var p: vec4<u32> = cw_unpack_u8x4(px[cw_t0]);
  let cw_t1 = u32(0i + i);
  px[cw_t1] = cw_pack_8x4(vec4<u32>(vec4<u32>(sat(cw_tid, cw_bid, (i32(p.x) + delta)), sat(cw_tid, cw_bid, (i32(p.y) + delta)), sat(cw_tid, cw_bid, (i32(p.z) + delta)), p.w)));
}

// ==== kernel flipHorizontal ====
// kernel flipHorizontal, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) width: i32,
  height: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> in: array<u32>;
@group(0) @binding(2) var<storage, read_write> out: array<u32>;

fn cw_unpack_u8x4(w: u32) -> vec4<u32> { return vec4<u32>(w & 0xffu, (w >> 8u) & 0xffu, (w >> 16u) & 0xffu, w >> 24u); }

fn cw_pack_8x4(v: vec4<u32>) -> u32 { return (v.x & 0xffu) | ((v.y & 0xffu) << 8u) | ((v.z & 0xffu) << 16u) | (v.w << 24u); }

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn flipHorizontal(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var width = cw_p.width;
  var height = cw_p.height;
  var x: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  var y: i32 = i32(((cw_bid.y * cw_by) + cw_tid.y));
  if (((x < width) && (y < height))) {
    let cw_t0 = u32(0i + ((y * width) + x));
    let cw_t1 = u32(0i + ((y * width) + ((width - 1i) - x)));
    out[cw_t1] = cw_pack_8x4(vec4<u32>(cw_unpack_u8x4(in[cw_t0])));
  }
}

