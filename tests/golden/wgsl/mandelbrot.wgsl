// ==== kernel mandelbrot ====
// kernel mandelbrot, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) width: i32,
  height: i32,
  maxIter: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read_write> img: array<atomic<u32>>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn mandelbrot(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var width = cw_p.width;
  var height = cw_p.height;
  var maxIter = cw_p.maxIter;
  var px: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  var py: i32 = i32(((cw_bid.y * cw_by) + cw_tid.y));
  if (((px >= width) || (py >= height))) {
    return;
  }
  var cr: f32 = ((-2.0f) + ((3.0f * f32(px)) / f32(width)));
  var ci: f32 = ((-1.5f) + ((3.0f * f32(py)) / f32(height)));
  var zr: f32 = 0.0f;
  var zi: f32 = 0.0f;
  var it: i32 = 0i;
  {
    loop {
      if !(((((zr * zr) + (zi * zi)) < 4.0f) && (it < maxIter))) { break; }
      var t: f32 = (((zr * zr) - (zi * zi)) + cr);
      zi = (((2.0f * zr) * zi) + ci);
      zr = t;
      it = (it + 1i);
    }
  }
  var palette: array<u32, 4> = array<u32, 4>(0u, 85u, 170u, 255u);
  let cw_t0 = u32(0i + ((py * width) + px));
  let cw_t1 = ((cw_t0 % 4u) * 8u);
  atomicAnd(&img[(cw_t0 / 4u)], ~(0xffu << cw_t1)); atomicOr(&img[(cw_t0 / 4u)], (u32((u32(select(i32(palette[(it & 3i)]), 0i, (it == maxIter))) & 0xffu)) & 0xffu) << cw_t1);
}

// ==== kernel mandelbrotDouble ====
// not emitted: the WGSL target does not support 'double' (WebGPU has no 64-bit floats; --wgsl-f64-as-f32 computes it as float)

