// ==== kernel blockSum3d ====
// kernel blockSum3d, from <source> by cuwasm

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
var<workgroup> cube: array<array<array<f32, 9>, 4>, 2>;
var<workgroup> planes: array<f32, 2>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn blockSum3d(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var tid: i32 = i32(((((cw_tid.z * 4u) * 8u) + (cw_tid.y * 8u)) + cw_tid.x));
  cube[cw_tid.z][cw_tid.y][cw_tid.x] = in[((((cw_bid.x * 8u) * 4u) * 2u) + u32(tid))];
  storageBarrier();
  workgroupBarrier();
  if (((cw_tid.x == 0u) && (cw_tid.y == 0u))) {
    var s: f32 = 0.0f;
    {
      var y: i32 = 0i;
      loop {
        if !((y < 4i)) { break; }
        {
          var x: i32 = 0i;
          loop {
            if !((x < 8i)) { break; }
            s = (s + cube[cw_tid.z][y][x]);
            continuing {
              x = (x + 1i);
            }
          }
        }
        continuing {
          y = (y + 1i);
        }
      }
    }
    planes[cw_tid.z] = s;
  }
  storageBarrier();
  workgroupBarrier();
  if ((tid == 0i)) {
    out[cw_bid.x] = (planes[0i] + planes[1i]);
  }
}

// ==== kernel rowColSums ====
// kernel rowColSums, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> m: array<i32>;
@group(0) @binding(2) var<storage, read_write> sums: array<i32>;
var<workgroup> tile: array<array<i32, 17>, 16>;
var<workgroup> rowSum: array<i32, 16>;
var<workgroup> colSum: array<i32, 16>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn rowColSums(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var x: i32 = i32(cw_tid.x);
  var y: i32 = i32(cw_tid.y);
  tile[y][x] = m[((y * 16i) + x)];
  storageBarrier();
  workgroupBarrier();
  if ((y == 0i)) {
    var s: i32 = 0i;
    {
      var r: i32 = 0i;
      loop {
        if !((r < 16i)) { break; }
        s = (s + tile[r][x]);
        continuing {
          r = (r + 1i);
        }
      }
    }
    colSum[x] = s;
  }
  if ((x == 0i)) {
    var s: i32 = 0i;
    {
      var c: i32 = 0i;
      loop {
        if !((c < 16i)) { break; }
        s = (s + tile[y][c]);
        continuing {
          c = (c + 1i);
        }
      }
    }
    rowSum[y] = s;
  }
  storageBarrier();
  workgroupBarrier();
  if ((y == 0i)) {
    sums[x] = rowSum[x];
    sums[(16i + x)] = colSum[x];
  }
}

