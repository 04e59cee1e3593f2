// ==== kernel gather ====
// kernel gather, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) n: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> src: array<f32>;
@group(0) @binding(2) var<storage, read> idx: array<i32>;
@group(0) @binding(3) var<storage, read_write> dst: array<f32>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn gather(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  if ((i < n)) {
    dst[i] = src[((idx[i] & 2147483647i) % n)];
  }
}

// ==== kernel scatterAdd ====
// kernel scatterAdd, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) n: i32,
  m: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> src: array<f32>;
@group(0) @binding(2) var<storage, read> idx: array<i32>;
@group(0) @binding(3) var<storage, read_write> dst: array<atomic<u32>>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn scatterAdd(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var m = cw_p.m;
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  if ((i < n)) {
    let cw_t0 = src[i];
    var cw_t1 = atomicLoad(&dst[(0i + i32((u32(idx[i]) % u32(m))))]);
    loop {
      let cw_t2 = atomicCompareExchangeWeak(&dst[(0i + i32((u32(idx[i]) % u32(m))))], cw_t1, bitcast<u32>(bitcast<f32>(cw_t1) + cw_t0));
      if (cw_t2.exchanged) { break; }
      cw_t1 = cw_t2.old_value;
    }
    _ = bitcast<f32>(cw_t1);
  }
}

// ==== kernel permute ====
// kernel permute, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) n: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> in: array<u32>;
@group(0) @binding(2) var<storage, read_write> out: array<atomic<u32>>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn permute(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  if ((i < n)) {
    var j: u32 = ((u32(i) * 2654435761u) & u32((n - 1i)));
    let cw_t0 = u32(0i + i);
    let cw_t1 = u32(0i + i32(j));
    let cw_t2 = ((cw_t1 % 2u) * 16u);
    atomicAnd(&out[(cw_t1 / 2u)], ~(0xffffu << cw_t2)); atomicOr(&out[(cw_t1 / 2u)], (u32(extractBits(bitcast<i32>(in[(cw_t0 / 2u)]), ((cw_t0 % 2u) * 16u), 16u)) & 0xffffu) << cw_t2);
  }
}

// ==== kernel gatherBytes ====
// not emitted: the WGSL target does not support 64-bit integer 'long long' (not emulated yet)

