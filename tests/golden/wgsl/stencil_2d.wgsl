// ==== kernel laplace2d ====
// kernel laplace2d, from <source> by cuwasm

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
@group(0) @binding(1) var<storage, read> in: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;
var<workgroup> tile: array<array<f32, 18>, 18>;

fn clampi(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_v: i32, cw_a_lo: i32, cw_a_hi: i32) -> i32 {
  var v = cw_a_v;
  var lo = cw_a_lo;
  var hi = cw_a_hi;
  return select(select(v, hi, (v > hi)), lo, (v < lo));
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn laplace2d(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var width = cw_p.width;
  var height = cw_p.height;
  var x: i32 = i32(((cw_bid.x * 16u) + cw_tid.x));
  var y: i32 = i32(((cw_bid.y * 16u) + cw_tid.y));
  var lx: i32 = i32((cw_tid.x + 1u));
  var ly: i32 = i32((cw_tid.y + 1u));
  var cx: i32 = clampi(cw_tid, cw_bid, x, 0i, (width - 1i));
  var cy: i32 = clampi(cw_tid, cw_bid, y, 0i, (height - 1i));
  tile[ly][lx] = in[((cy * width) + cx)];
  if ((cw_tid.x == 0u)) {
    tile[ly][0i] = in[((cy * width) + clampi(cw_tid, cw_bid, (x - 1i), 0i, (width - 1i)))];
  }
  if ((cw_tid.x == u32((16i - 1i)))) {
    tile[ly][(16i + 1i)] = in[((cy * width) + clampi(cw_tid, cw_bid, (x + 1i), 0i, (width - 1i)))];
  }
  if ((cw_tid.y == 0u)) {
    tile[0i][lx] = in[((clampi(cw_tid, cw_bid, (y - 1i), 0i, (height - 1i)) * width) + cx)];
  }
  if ((cw_tid.y == u32((16i - 1i)))) {
    tile[(16i + 1i)][lx] = in[((clampi(cw_tid, cw_bid, (y + 1i), 0i, (height - 1i)) * width) + cx)];
  }
  storageBarrier();
  workgroupBarrier();
  if (((x < width) && (y < height))) {
    var c: f32 = tile[ly][lx];
    out[((y * width) + x)] = ((((tile[(ly - 1i)][lx] + tile[(ly + 1i)][lx]) + tile[ly][(lx - 1i)]) + tile[ly][(lx + 1i)]) - (4.0f * c));
  }
}

