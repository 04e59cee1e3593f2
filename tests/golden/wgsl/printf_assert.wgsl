// ==== kernel hello ====
// kernel hello, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) tag: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read_write> cw_dbg: array<atomic<u32>>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn hello(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var tag = cw_p.tag;
  let cw_t0 = atomicAdd(&cw_dbg[0], 11u) + 4u;
  if (cw_t0 + 11u <= arrayLength(&cw_dbg)) {
    atomicStore(&cw_dbg[cw_t0], 1u);
    atomicStore(&cw_dbg[cw_t0 + 1u], 3u);
    atomicStore(&cw_dbg[cw_t0 + 2u], cw_bid.x);
    atomicStore(&cw_dbg[cw_t0 + 5u], cw_tid.x);
    atomicStore(&cw_dbg[cw_t0 + 3u], cw_bid.y);
    atomicStore(&cw_dbg[cw_t0 + 6u], cw_tid.y);
    atomicStore(&cw_dbg[cw_t0 + 4u], cw_bid.z);
    atomicStore(&cw_dbg[cw_t0 + 7u], cw_tid.z);
    atomicStore(&cw_dbg[cw_t0 + 8u], (cw_bid.x));
    atomicStore(&cw_dbg[cw_t0 + 9u], (cw_tid.x));
    atomicStore(&cw_dbg[cw_t0 + 10u], bitcast<u32>(tag));
  }
  if ((cw_tid.x == 0u)) {
    let cw_t1 = atomicAdd(&cw_dbg[0], 12u) + 4u;
    if (cw_t1 + 12u <= arrayLength(&cw_dbg)) {
      atomicStore(&cw_dbg[cw_t1], 257u);
      atomicStore(&cw_dbg[cw_t1 + 1u], 4u);
      atomicStore(&cw_dbg[cw_t1 + 2u], cw_bid.x);
      atomicStore(&cw_dbg[cw_t1 + 5u], cw_tid.x);
      atomicStore(&cw_dbg[cw_t1 + 3u], cw_bid.y);
      atomicStore(&cw_dbg[cw_t1 + 6u], cw_tid.y);
      atomicStore(&cw_dbg[cw_t1 + 4u], cw_bid.z);
      atomicStore(&cw_dbg[cw_t1 + 7u], cw_tid.z);
      atomicStore(&cw_dbg[cw_t1 + 8u], (cw_bid.x));
      atomicStore(&cw_dbg[cw_t1 + 9u], (cw_p.cw_grid.x));
      atomicStore(&cw_dbg[cw_t1 + 10u], bitcast<u32>(66i));
      atomicStore(&cw_dbg[cw_t1 + 11u], bitcast<u32>(255i));
    }
  }
}

// ==== kernel checkedDivide ====
// kernel checkedDivide, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> a: array<f32>;
@group(0) @binding(2) var<storage, read> b: array<f32>;
@group(0) @binding(3) var<storage, read_write> c: array<f32>;
@group(0) @binding(4) var<storage, read_write> cw_dbg: array<atomic<u32>>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn checkedDivide(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var i: i32 = i32(cw_tid.x);
  if (!((b[i] != 0.0f))) {
    let cw_t0 = atomicAdd(&cw_dbg[0], 8u) + 4u;
    if (cw_t0 + 8u <= arrayLength(&cw_dbg)) {
      atomicStore(&cw_dbg[cw_t0], 2u);
      atomicStore(&cw_dbg[cw_t0 + 1u], 0u);
      atomicStore(&cw_dbg[cw_t0 + 2u], cw_bid.x);
      atomicStore(&cw_dbg[cw_t0 + 5u], cw_tid.x);
      atomicStore(&cw_dbg[cw_t0 + 3u], cw_bid.y);
      atomicStore(&cw_dbg[cw_t0 + 6u], cw_tid.y);
      atomicStore(&cw_dbg[cw_t0 + 4u], cw_bid.z);
      atomicStore(&cw_dbg[cw_t0 + 7u], cw_tid.z);
    }
  }
  if (!(((i < 32i) && true))) {
    let cw_t1 = atomicAdd(&cw_dbg[0], 8u) + 4u;
    if (cw_t1 + 8u <= arrayLength(&cw_dbg)) {
      atomicStore(&cw_dbg[cw_t1], 258u);
      atomicStore(&cw_dbg[cw_t1 + 1u], 0u);
      atomicStore(&cw_dbg[cw_t1 + 2u], cw_bid.x);
      atomicStore(&cw_dbg[cw_t1 + 5u], cw_tid.x);
      atomicStore(&cw_dbg[cw_t1 + 3u], cw_bid.y);
      atomicStore(&cw_dbg[cw_t1 + 6u], cw_tid.y);
      atomicStore(&cw_dbg[cw_t1 + 4u], cw_bid.z);
      atomicStore(&cw_dbg[cw_t1 + 7u], cw_tid.z);
    }
  }
  c[i] = (a[i] / b[i]);
}

// ==== kernel printStats ====
// not emitted: the WGSL target does not support 'double' (WebGPU has no 64-bit floats; --wgsl-f64-as-f32 computes it as float)

