// ==== kernel convolve1d ====
// kernel convolve1d, from <source> by cuwasm

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
var<workgroup> tile: array<f32, 264>;
const u_filter: array<f32, 9> = array<f32, 9>(0.0199999996f, 0.0500000007f, 0.100000001f, 0.150000006f, 0.360000014f, 0.150000006f, 0.100000001f, 0.0500000007f, 0.0199999996f);

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn convolve1d(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var cw_live = true;
  var n = cw_p.n;
  var g: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  var base: i32 = i32(((cw_bid.x * cw_bx) - 4u));
  {
    var t: i32 = i32(cw_tid.x);
    loop {
      if !((t < (256i + (2i * 4i)))) { break; }
      var src: i32 = (base + t);
      tile[t] = select(0.0f, in[src], ((src >= 0i) && (src < n)));
      continuing {
        t = i32((u32(t) + cw_bx));
      }
    }
  }
  storageBarrier();
  workgroupBarrier();
  if ((g >= n)) {
    cw_live = false;
  }
  var acc: f32 = 0.0f;
  if (cw_live) {
    {
    }
    {
      var k: i32 = 0i;
      loop {
        if !((k < ((2i * 4i) + 1i))) { break; }
        acc = (acc + (u_filter[k] * tile[(cw_tid.x + u32(k))]));
        continuing {
          k = (k + 1i);
        }
      }
    }
    out[g] = acc;
  }
}

// ==== kernel convolve1dNaive ====
// kernel convolve1dNaive, from <source> by cuwasm

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
const u_filter: array<f32, 9> = array<f32, 9>(0.0199999996f, 0.0500000007f, 0.100000001f, 0.150000006f, 0.360000014f, 0.150000006f, 0.100000001f, 0.0500000007f, 0.0199999996f);

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn convolve1dNaive(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var g: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  if ((g >= n)) {
    return;
  }
  var acc: f32 = 0.0f;
  {
    var k: i32 = (-4i);
    loop {
      if !((k <= 4i)) { break; }
      var src: i32 = (g + k);
      if (((src >= 0i) && (src < n))) {
        acc = (acc + (u_filter[(k + 4i)] * in[src]));
      }
      continuing {
        k = (k + 1i);
      }
    }
  }
  out[g] = acc;
}

