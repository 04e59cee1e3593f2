// ==== kernel transposeCoalesced ====
// kernel transposeCoalesced, from <source> by cuwasm

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
var<workgroup> tile: array<array<f32, 33>, 32>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn transposeCoalesced(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var width = cw_p.width;
  var height = cw_p.height;
  var x: i32 = i32(((cw_bid.x * 32u) + cw_tid.x));
  var y: i32 = i32(((cw_bid.y * 32u) + cw_tid.y));
  {
    var j: i32 = 0i;
    loop {
      if !((j < 32i)) { break; }
      if (((x < width) && ((y + j) < height))) {
        tile[(cw_tid.y + u32(j))][cw_tid.x] = in[(((y + j) * width) + x)];
      }
      continuing {
        j = (j + 8i);
      }
    }
  }
  storageBarrier();
  workgroupBarrier();
  x = i32(((cw_bid.y * 32u) + cw_tid.x));
  y = i32(((cw_bid.x * 32u) + cw_tid.y));
  {
    var j: i32 = 0i;
    loop {
      if !((j < 32i)) { break; }
      if (((x < height) && ((y + j) < width))) {
        out[(((y + j) * height) + x)] = tile[cw_tid.x][(cw_tid.y + u32(j))];
      }
      continuing {
        j = (j + 8i);
      }
    }
  }
}

// ==== kernel transposeNaive ====
// kernel transposeNaive, from <source> by cuwasm

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

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn transposeNaive(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var width = cw_p.width;
  var height = cw_p.height;
  var x: i32 = i32(((cw_bid.x * 32u) + cw_tid.x));
  var y: i32 = i32(((cw_bid.y * 32u) + cw_tid.y));
  {
    var j: i32 = 0i;
    loop {
      if !((j < 32i)) { break; }
      if (((x < width) && ((y + j) < height))) {
        out[((x * height) + (y + j))] = in[(((y + j) * width) + x)];
      }
      continuing {
        j = (j + 8i);
      }
    }
  }
}

