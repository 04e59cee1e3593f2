// ==== kernel setBoundary ====
// kernel setBoundary, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) n: i32,
  value: f32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read_write> u: array<f32>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn setBoundary(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var value = cw_p.value;
  var i: i32 = i32(cw_tid.x);
  if ((i < n)) {
    u[i] = value;
    u[(((n - 1i) * n) + i)] = 0.0f;
    if ((i > 0i)) {
      u[(i * n)] = 0.0f;
      u[(((i * n) + n) - 1i)] = 0.0f;
    }
  }
}

// ==== kernel jacobiStep ====
// kernel jacobiStep, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) n: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> u: array<f32>;
@group(0) @binding(2) var<storage, read_write> unew: array<f32>;
@group(0) @binding(3) var<storage, read> f: array<f32>;
@group(0) @binding(4) var<storage, read_write> residual: array<atomic<i32>>;
var<workgroup> diff: array<f32, 256>;

fn atomicMaxPositive_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_addr: i32, cw_a_v: f32) {
  var po_addr = cw_a_addr;
  var v = cw_a_v;
  _ = atomicMax(&residual[po_addr], bitcast<i32>(v));
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn jacobiStep(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var x: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  var y: i32 = i32(((cw_bid.y * cw_by) + cw_tid.y));
  var t: i32 = i32(((cw_tid.y * cw_bx) + cw_tid.x));
  var d: f32 = 0.0f;
  if (((((x > 0i) && (y > 0i)) && (x < (n - 1i))) && (y < (n - 1i)))) {
    var h2: f32 = (1.0f / f32(((n - 1i) * (n - 1i))));
    var v: f32 = (0.25f * ((((u[(((y - 1i) * n) + x)] + u[(((y + 1i) * n) + x)]) + u[(((y * n) + x) - 1i)]) + u[(((y * n) + x) + 1i)]) + (h2 * f[((y * n) + x)])));
    unew[((y * n) + x)] = v;
    d = abs((v - u[((y * n) + x)]));
  } else {
    if (((x < n) && (y < n))) {
      unew[((y * n) + x)] = u[((y * n) + x)];
    }
  }
  diff[t] = d;
  storageBarrier();
  workgroupBarrier();
  {
    var s: i32 = 128i;
    loop {
      if !((s > 0i)) { break; }
      if ((t < s)) {
        diff[t] = max(diff[t], diff[(t + s)]);
      }
      storageBarrier();
      workgroupBarrier();
      continuing {
        s = (s >> u32(1i));
      }
    }
  }
  if ((t == 0i)) {
    atomicMaxPositive_0(cw_tid, cw_bid, 0i, diff[0i]);
  }
}

