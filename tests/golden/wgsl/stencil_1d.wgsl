// ==== kernel stencil1d ====
// kernel stencil1d, from <source> by cuwasm

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
var<workgroup> temp: array<f32, 134>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn stencil1d(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var gindex: i32 = i32((cw_tid.x + (cw_bid.x * cw_bx)));
  var lindex: i32 = i32((cw_tid.x + 3u));
  temp[lindex] = select(0.0f, in[gindex], (gindex < n));
  if ((cw_tid.x < 3u)) {
    var left: i32 = (gindex - 3i);
    var right: i32 = (gindex + 128i);
    temp[(lindex - 3i)] = select(0.0f, in[left], (left >= 0i));
    temp[(lindex + 128i)] = select(0.0f, in[right], (right < n));
  }
  storageBarrier();
  workgroupBarrier();
  var result: f32 = 0.0f;
  {
    var offset: i32 = (-3i);
    loop {
      if !((offset <= 3i)) { break; }
      result = (result + temp[(lindex + offset)]);
      continuing {
        offset = (offset + 1i);
      }
    }
  }
  if ((gindex < n)) {
    out[gindex] = result;
  }
}

// ==== kernel smooth3 ====
// kernel smooth3, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) n: i32,
  w: f32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> in: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn smooth3(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var w = cw_p.w;
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  if ((i >= n)) {
    return;
  }
  var l: f32 = in[select(0i, (i - 1i), (i > 0i))];
  var r: f32 = in[select((n - 1i), (i + 1i), (i < (n - 1i)))];
  out[i] = (((w * l) + ((1.0f - (2.0f * w)) * in[i])) + (w * r));
}

