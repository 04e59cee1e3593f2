// ==== kernel sgemmTiled ====
// kernel sgemmTiled, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) M: i32,
  N: i32,
  K: i32,
  alpha: f32,
  beta: f32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> A: array<f32>;
@group(0) @binding(2) var<storage, read> B: array<f32>;
@group(0) @binding(3) var<storage, read_write> C: array<f32>;
var<workgroup> As: array<array<f32, 16>, 16>;
var<workgroup> Bs: array<array<f32, 16>, 16>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn sgemmTiled(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var M = cw_p.M;
  var N = cw_p.N;
  var K = cw_p.K;
  var alpha = cw_p.alpha;
  var beta = cw_p.beta;
  var tx: i32 = i32(cw_tid.x);
  var ty: i32 = i32(cw_tid.y);
  var row: i32 = i32(((cw_bid.y * 16u) + u32(ty)));
  var col: i32 = i32(((cw_bid.x * 16u) + u32(tx)));
  var acc: f32 = 0.0f;
  {
    var t: i32 = 0i;
    loop {
      if !((t < (((K + 16i) - 1i) / 16i))) { break; }
      var aCol: i32 = ((t * 16i) + tx);
      var bRow: i32 = ((t * 16i) + ty);
      As[ty][tx] = select(0.0f, A[((row * K) + aCol)], ((row < M) && (aCol < K)));
      Bs[ty][tx] = select(0.0f, B[((bRow * N) + col)], ((bRow < K) && (col < N)));
      storageBarrier();
      workgroupBarrier();
      {
      }
      {
        var k: i32 = 0i;
        loop {
          if !((k < 16i)) { break; }
          acc = (acc + (As[ty][k] * Bs[k][tx]));
          continuing {
            k = (k + 1i);
          }
        }
      }
      storageBarrier();
      workgroupBarrier();
      continuing {
        t = (t + 1i);
      }
    }
  }
  if (((row < M) && (col < N))) {
    C[((row * N) + col)] = ((alpha * acc) + (beta * C[((row * N) + col)]));
  }
}

