// ==== kernel guard2d ====
// kernel guard2d, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) w: i32,
  h: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read_write> out: array<i32>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn guard2d(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var w = cw_p.w;
  var h = cw_p.h;
  var x: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  var y: i32 = i32(((cw_bid.y * cw_by) + cw_tid.y));
  if (((x < w) && (y < h))) {
    out[((y * w) + x)] = ((1000i * y) + x);
  }
}

// ==== kernel earlyExit2d ====
// kernel earlyExit2d, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) w: i32,
  h: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read_write> out: array<f32>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn earlyExit2d(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var w = cw_p.w;
  var h = cw_p.h;
  var x: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  var y: i32 = i32(((cw_bid.y * cw_by) + cw_tid.y));
  if (((x >= w) || (y >= h))) {
    return;
  }
  out[((y * w) + x)] = ((0.5f * f32(x)) + f32(y));
}

// ==== kernel guard3d ====
// kernel guard3d, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) nx: i32,
  ny: i32,
  nz: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read_write> out: array<i32>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn guard3d(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var nx = cw_p.nx;
  var ny = cw_p.ny;
  var nz = cw_p.nz;
  var x: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  var y: i32 = i32(((cw_bid.y * cw_by) + cw_tid.y));
  var z: i32 = i32(((cw_bid.z * cw_bz) + cw_tid.z));
  if ((((x < nx) && (y < ny)) && (z < nz))) {
    out[((((z * ny) + y) * nx) + x)] = ((x + (10i * y)) + (100i * z));
  }
}

// ==== kernel mixedGuard ====
// kernel mixedGuard, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) n: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read_write> out: array<i32>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn mixedGuard(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var x: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  var y: i32 = i32(((cw_bid.y * cw_by) + cw_tid.y));
  if (((x < n) && (y >= 3i))) {
    out[((y * 16i) + x)] = ((x * y) + 1i);
  }
}

// ==== kernel crossMark ====
// kernel crossMark, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) cx: i32,
  cy: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read_write> out: array<i32>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn crossMark(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var cx = cw_p.cx;
  var cy = cw_p.cy;
  var x: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  var y: i32 = i32(((cw_bid.y * cw_by) + cw_tid.y));
  if (((x == cx) || (y == cy))) {
    out[((y * 24i) + x)] = 1i;
  } else {
    if ((x != (cx + 1i))) {
      out[((y * 24i) + x)] = 2i;
    }
  }
}

