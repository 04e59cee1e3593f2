// ==== kernel tileSums ====
// kernel tileSums, from <source> by cuwasm

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
@group(0) @binding(2) var<storage, read_write> sums: array<f32>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn tileSums(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var tid: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  var s: f32 = 0.0f;
  var m: f32 = (-1.0f);
  {
    var i: i32 = tid;
    loop {
      if !((i < n)) { break; }
      s = (s + x[i]);
      m = max(m, x[i]);
      continuing {
        i = i32((u32(i) + (cw_bx * cw_p.cw_grid.x)));
      }
    }
  }
  sums[tid] = (s + m);
}

// ==== kernel tileScaleLe ====
// kernel tileScaleLe, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) last: i32,
  a: f32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read_write> y: array<f32>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn tileScaleLe(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var last = cw_p.last;
  var a = cw_p.a;
  var c: f32 = 1.0f;
  {
    var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
    loop {
      if !((i <= last)) { break; }
      y[i] = ((a * y[i]) + c);
      c = (c + 1.0f);
      continuing {
        i = i32((u32(i) + (cw_bx * cw_p.cw_grid.x)));
      }
    }
  }
}

// ==== kernel tileSums2d ====
// kernel tileSums2d, from <source> by cuwasm

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
@group(0) @binding(2) var<storage, read_write> sums: array<f32>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn tileSums2d(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var tid: i32 = i32(((((cw_bid.x * cw_bx) * cw_by) + (cw_tid.y * cw_bx)) + cw_tid.x));
  var s: f32 = 0.0f;
  {
    var i: i32 = tid;
    loop {
      if !((i < n)) { break; }
      s = (s + x[i]);
      continuing {
        i = i32((u32(i) + ((cw_bx * cw_by) * cw_p.cw_grid.x)));
      }
    }
  }
  sums[tid] = s;
}

