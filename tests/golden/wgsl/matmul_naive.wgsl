// ==== kernel matmulNaive ====
// kernel matmulNaive, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) M: i32,
  N: i32,
  K: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> A: array<f32>;
@group(0) @binding(2) var<storage, read> B: array<f32>;
@group(0) @binding(3) var<storage, read_write> C: array<f32>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn matmulNaive(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var M = cw_p.M;
  var N = cw_p.N;
  var K = cw_p.K;
  var row: i32 = i32(((cw_bid.y * cw_by) + cw_tid.y));
  var col: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  if (((row < M) && (col < N))) {
    var acc: f32 = 0.0f;
    {
      var k: i32 = 0i;
      loop {
        if !((k < K)) { break; }
        acc = (acc + (A[((row * K) + k)] * B[((k * N) + col)]));
        continuing {
          k = (k + 1i);
        }
      }
    }
    C[((row * N) + col)] = acc;
  }
}

// ==== kernel matmulNaiveDouble ====
// not emitted: the WGSL target does not support 'double' (WebGPU has no 64-bit floats; --wgsl-f64-as-f32 computes it as float)

