// ==== kernel convolve2d ====
// kernel convolve2d, from <source> by cuwasm

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
@group(0) @binding(1) var<storage, read> img: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;
const mask: array<f32, 25> = array<f32, 25>((1.0f / 64.0f), (2.0f / 64.0f), (3.0f / 64.0f), (4.0f / 64.0f), (5.0f / 64.0f), (6.0f / 64.0f), (7.0f / 64.0f), (8.0f / 64.0f), (9.0f / 64.0f), (10.0f / 64.0f), (11.0f / 64.0f), (12.0f / 64.0f), (13.0f / 64.0f), (14.0f / 64.0f), (15.0f / 64.0f), (16.0f / 64.0f), (17.0f / 64.0f), (18.0f / 64.0f), (19.0f / 64.0f), (20.0f / 64.0f), (21.0f / 64.0f), (22.0f / 64.0f), (23.0f / 64.0f), (24.0f / 64.0f), (25.0f / 64.0f));

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn convolve2d(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var width = cw_p.width;
  var height = cw_p.height;
  var col: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  var row: i32 = i32(((cw_bid.y * cw_by) + cw_tid.y));
  if (((col >= width) || (row >= height))) {
    return;
  }
  var acc: f32 = 0.0f;
  {
    var i: i32 = 0i;
    loop {
      if !((i < 5i)) { break; }
      var r: i32 = ((row - (5i / 2i)) + i);
      {
        var j: i32 = 0i;
        loop {
          if !((j < 5i)) { break; }
          var c: i32 = ((col - (5i / 2i)) + j);
          if (((((r >= 0i) && (r < height)) && (c >= 0i)) && (c < width))) {
            acc = (acc + (img[((r * width) + c)] * mask[((i * 5i) + j)]));
          }
          continuing {
            j = (j + 1i);
          }
        }
      }
      continuing {
        i = (i + 1i);
      }
    }
  }
  out[((row * width) + col)] = acc;
}

// ==== kernel boxBlur ====
// kernel boxBlur, from <source> by cuwasm

struct BlurParams {
  radius: i32,
  scale: f32,
}

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
@group(0) @binding(1) var<storage, read> img: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;
const blurParams: BlurParams = BlurParams(1i, (1.0f / 9.0f));

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn boxBlur(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var width = cw_p.width;
  var height = cw_p.height;
  var x: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  var y: i32 = i32(((cw_bid.y * cw_by) + cw_tid.y));
  if (((x >= width) || (y >= height))) {
    return;
  }
  var r: i32 = blurParams.radius;
  var s: f32 = 0.0f;
  {
    var dy: i32 = (-r);
    loop {
      if !((dy <= r)) { break; }
      {
        var dx: i32 = (-r);
        loop {
          if !((dx <= r)) { break; }
          var xx: i32 = min(max((x + dx), 0i), (width - 1i));
          var yy: i32 = min(max((y + dy), 0i), (height - 1i));
          s = (s + img[((yy * width) + xx)]);
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
  out[((y * width) + x)] = (s * blurParams.scale);
}

