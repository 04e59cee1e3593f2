// ==== kernel tileProduct ====
// kernel tileProduct, from <source> by cuwasm

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
var<workgroup> As: array<array<f32, 16>, 16>;
var<workgroup> Bs: array<array<f32, 16>, 16>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn tileProduct(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var tx: i32 = i32(cw_tid.x);
  var ty: i32 = i32(cw_tid.y);
  var w: i32 = i32(cw_bx);
  var row: i32 = i32(((cw_bid.y * u32(w)) + u32(ty)));
  var col: i32 = i32(((cw_bid.x * u32(w)) + u32(tx)));
  var acc: f32 = 0.0f;
  {
    var t: i32 = 0i;
    loop {
      if !((t < n)) { break; }
      As[ty][tx] = select(0.0f, A[(((row * n) + t) + tx)], ((row < n) && ((t + tx) < n)));
      Bs[ty][tx] = select(0.0f, B[(((t + ty) * n) + col)], (((t + ty) < n) && (col < n)));
      storageBarrier();
      workgroupBarrier();
      {
        var k: i32 = 0i;
        loop {
          if !((k < w)) { break; }
          acc = (acc + (As[ty][k] * Bs[k][tx]));
          continuing {
            k = (k + 1i);
          }
        }
      }
      storageBarrier();
      workgroupBarrier();
      continuing {
        t = (t + w);
      }
    }
  }
  if (((row < n) && (col < n))) {
    C[((row * n) + col)] = acc;
  }
}

// ==== kernel strideSums ====
// kernel strideSums, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) count: i32,
  u_step: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> in: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;
var<workgroup> s: array<f32, 32>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn strideSums(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var count = cw_p.count;
  var u_step = cw_p.u_step;
  var t: i32 = i32(((((cw_tid.z * cw_by) + cw_tid.y) * cw_bx) + cw_tid.x));
  var nt: i32 = i32(((cw_bx * cw_by) * cw_bz));
  s[t] = in[((cw_bid.x * u32(nt)) + u32(t))];
  storageBarrier();
  workgroupBarrier();
  var sum: f32 = 0.0f;
  {
    var j: i32 = 0i;
    loop {
      if !((j < (count * u_step))) { break; }
      sum = (sum + (s[((t + j) % nt)] * f32((cw_tid.z + 1u))));
      continuing {
        j = (j + u_step);
      }
    }
  }
  out[((cw_bid.x * u32(nt)) + u32(t))] = sum;
}

// ==== kernel stepWrites ====
// kernel stepWrites, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) steps: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> in: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn stepWrites(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var steps = cw_p.steps;
  var gid: i32 = i32(((((cw_bid.x * cw_bx) * cw_by) + (cw_tid.y * cw_bx)) + cw_tid.x));
  var v: f32 = in[gid];
  storageBarrier();
  workgroupBarrier();
  var k: i32;
  {
    k = 0i;
    loop {
      if !((k < steps)) { break; }
      out[((gid * steps) + k)] = ((v * f32(k)) + f32(cw_tid.y));
      continuing {
        k = (k + 1i);
      }
    }
  }
  storageBarrier();
  workgroupBarrier();
  if (((cw_tid.x == 0u) && (cw_tid.y == 0u))) {
    out[(gid * steps)] = f32(k);
  }
}

