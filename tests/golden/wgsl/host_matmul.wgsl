// ==== kernel matmulTiled<16> ====
// kernel matmulTiled<16>, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) n: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> A: array<f32>;
@group(0) @binding(2) var<storage, read> B: array<f32>;
@group(0) @binding(3) var<storage, read_write> C: array<f32>;
var<workgroup> a: array<array<f32, 16>, 16>;
var<workgroup> b: array<array<f32, 16>, 16>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn matmulTiled_16(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var row: i32 = i32(((cw_bid.y * 16u) + cw_tid.y));
  var col: i32 = i32(((cw_bid.x * 16u) + cw_tid.x));
  var sum: f32 = 0.0f;
  {
    var k0: i32 = 0i;
    loop {
      if !((k0 < n)) { break; }
      a[cw_tid.y][cw_tid.x] = A[(u32(((row * n) + k0)) + cw_tid.x)];
      b[cw_tid.y][cw_tid.x] = B[(((u32(k0) + cw_tid.y) * u32(n)) + u32(col))];
      storageBarrier();
      workgroupBarrier();
      {
        var k: i32 = 0i;
        loop {
          if !((k < 16i)) { break; }
          sum = (sum + (a[cw_tid.y][k] * b[k][cw_tid.x]));
          continuing {
            k = (k + 1i);
          }
        }
      }
      storageBarrier();
      workgroupBarrier();
      continuing {
        k0 = (k0 + 16i);
      }
    }
  }
  C[((row * n) + col)] = sum;
}

// ==== kernel matmulTiled<8> ====
// kernel matmulTiled<8>, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) n: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> A: array<f32>;
@group(0) @binding(2) var<storage, read> B: array<f32>;
@group(0) @binding(3) var<storage, read_write> C: array<f32>;
var<workgroup> a: array<array<f32, 8>, 8>;
var<workgroup> b: array<array<f32, 8>, 8>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn matmulTiled_8(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var row: i32 = i32(((cw_bid.y * 8u) + cw_tid.y));
  var col: i32 = i32(((cw_bid.x * 8u) + cw_tid.x));
  var sum: f32 = 0.0f;
  {
    var k0: i32 = 0i;
    loop {
      if !((k0 < n)) { break; }
      a[cw_tid.y][cw_tid.x] = A[(u32(((row * n) + k0)) + cw_tid.x)];
      b[cw_tid.y][cw_tid.x] = B[(((u32(k0) + cw_tid.y) * u32(n)) + u32(col))];
      storageBarrier();
      workgroupBarrier();
      {
        var k: i32 = 0i;
        loop {
          if !((k < 8i)) { break; }
          sum = (sum + (a[cw_tid.y][k] * b[k][cw_tid.x]));
          continuing {
            k = (k + 1i);
          }
        }
      }
      storageBarrier();
      workgroupBarrier();
      continuing {
        k0 = (k0 + 8i);
      }
    }
  }
  C[((row * n) + col)] = sum;
}

