// ==== kernel sobel ====
// kernel sobel, from <source> by cuwasm

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
var<workgroup> tile: array<array<f32, 18>, 18>;
const kGx: array<array<i32, 3>, 3> = array<array<i32, 3>, 3>(array<i32, 3>((-1i), 0i, 1i), array<i32, 3>((-2i), 0i, 2i), array<i32, 3>((-1i), 0i, 1i));
const kGy: array<array<i32, 3>, 3> = array<array<i32, 3>, 3>(array<i32, 3>((-1i), (-2i), (-1i)), array<i32, 3>(0i, 0i, 0i), array<i32, 3>(1i, 2i, 1i));

fn cw_hypot(x: f32, y: f32) -> f32 { return length(vec2<f32>(x, y)); }

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn sobel(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var cw_live = true;
  var w = cw_p.w;
  var h = cw_p.h;
  var x0: i32 = i32(((cw_bid.x * 16u) - 1u));
  var y0: i32 = i32(((cw_bid.y * 16u) - 1u));
  var t: i32 = i32(((cw_tid.y * 16u) + cw_tid.x));
  {
    var k: i32 = t;
    loop {
      if !((k < ((16i + 2i) * (16i + 2i)))) { break; }
      var ty: i32 = (k / (16i + 2i));
      var tx: i32 = (k % (16i + 2i));
      var gx: i32 = min(max((x0 + tx), 0i), (w - 1i));
      var gy: i32 = min(max((y0 + ty), 0i), (h - 1i));
      tile[ty][tx] = in[((gy * w) + gx)];
      continuing {
        k = (k + (16i * 16i));
      }
    }
  }
  storageBarrier();
  workgroupBarrier();
  var x: i32 = i32(((cw_bid.x * 16u) + cw_tid.x));
  var y: i32 = i32(((cw_bid.y * 16u) + cw_tid.y));
  if (((x >= w) || (y >= h))) {
    cw_live = false;
  }
  var sx: f32 = 0.0f;
  var sy: f32 = 0.0f;
  if (cw_live) {
    {
      var dy: i32 = 0i;
      loop {
        if !((dy < 3i)) { break; }
        {
          var dx: i32 = 0i;
          loop {
            if !((dx < 3i)) { break; }
            var p: f32 = tile[(cw_tid.y + u32(dy))][(cw_tid.x + u32(dx))];
            sx = (sx + (f32(kGx[dy][dx]) * p));
            sy = (sy + (f32(kGy[dy][dx]) * p));
            continuing {
              dx = (dx + 1i);
            }
          }
        }
        continuing {
          dy = (dy + 1i);
        }
      }
    }
    out[((y * w) + x)] = cw_hypot(sx, sy);
  }
}

