// ==== kernel borderStencil ====
// kernel borderStencil, from <source> by cuwasm

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
@group(0) @binding(1) var<storage, read> in: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn borderStencil(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var w = cw_p.w;
  var h = cw_p.h;
  var x: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  var y: i32 = i32(((cw_bid.y * cw_by) + cw_tid.y));
  if (((x >= w) || (y >= h))) {
    return;
  }
  var i: i32 = ((y * w) + x);
  if (((((x == 0i) || (y == 0i)) || (x == (w - 1i))) || (y == (h - 1i)))) {
    out[i] = in[i];
    return;
  }
  out[i] = ((0.25f * (((in[(i - 1i)] + in[(i + 1i)]) + in[(i - w)]) + in[(i + w)])) - in[i]);
}

// ==== kernel everyEighth ====
// kernel everyEighth, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) n: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> in: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn everyEighth(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  if ((i >= n)) {
    return;
  }
  if (((i & 7i) == 5i)) {
    out[i] = (-1.0f);
    return;
  }
  out[i] = ((3.0f * in[i]) + 1.0f);
}

// ==== kernel stepSums ====
// kernel stepSums, from <source> by cuwasm

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
var<workgroup> buf: array<array<f32, 64>, 2>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn stepSums(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var t: i32 = i32(cw_tid.x);
  var cur: i32 = 0i;
  buf[0i][t] = in[((cw_bid.x * 64u) + u32(t))];
  storageBarrier();
  workgroupBarrier();
  {
    var s: i32 = 1i;
    loop {
      if !((s < 64i)) { break; }
      var v: f32 = buf[cur][t];
      if ((t >= s)) {
        v = (v + buf[cur][(t - s)]);
      }
      buf[(1i - cur)][t] = v;
      cur = (1i - cur);
      storageBarrier();
      workgroupBarrier();
      continuing {
        s = (s * 2i);
      }
    }
  }
  out[((cw_bid.x * 64u) + u32(t))] = buf[cur][t];
}

