// ==== kernel reverseDynamic ====
// kernel reverseDynamic, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) n: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read_write> d: array<i32>;
override cw_dyn_n: u32 = 1u;
var<workgroup> s: array<i32, cw_dyn_n>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn reverseDynamic(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var base: i32 = i32((cw_bid.x * cw_bx));
  var t: i32 = i32(cw_tid.x);
  var tr: i32 = i32(((cw_bx - u32(t)) - 1u));
  if (((base + t) < n)) {
    s[t] = d[(base + t)];
  }
  storageBarrier();
  workgroupBarrier();
  if (((base + t) < n)) {
    d[(base + t)] = s[tr];
  }
}

// ==== kernel carvedShared ====
// kernel carvedShared, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read> idx: array<i32>;
@group(0) @binding(3) var<storage, read_write> out: array<f32>;
override cw_dyn_n: u32 = 1u;
var<workgroup> cw_dyn_shared: array<u32, cw_dyn_n>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn carvedShared(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var po_fx: i32 = (0i / 4i);
  var po_ix: i32 = (po_fx + i32(cw_bx));
  var po_acc: i32 = (po_ix + i32(cw_bx));
  var g: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  cw_dyn_shared[po_fx + i32(cw_tid.x)] = bitcast<u32>(x[g]);
  cw_dyn_shared[po_ix + i32(cw_tid.x)] = bitcast<u32>(i32((u32(idx[g]) % cw_bx)));
  storageBarrier();
  workgroupBarrier();
  cw_dyn_shared[po_acc + i32(cw_tid.x)] = bitcast<u32>(bitcast<f32>(cw_dyn_shared[po_fx + bitcast<i32>(cw_dyn_shared[po_ix + i32(((cw_bx - 1u) - cw_tid.x))])]));
  storageBarrier();
  workgroupBarrier();
  out[g] = (bitcast<f32>(cw_dyn_shared[po_acc + i32(cw_tid.x)]) + bitcast<f32>(cw_dyn_shared[po_acc + i32(((cw_tid.x + 1u) % cw_bx))]));
}

// ==== kernel shiftRows<float> ====
// kernel shiftRows<float>, from <source> by cuwasm

struct SharedMemory_float {
  cw_empty: u32,
}

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) shift: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> in: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;
override cw_dyn_n: u32 = 1u;
var<workgroup> cw_dyn_shared: array<u32, cw_dyn_n>;

fn SharedMemory_float_get_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, SharedMemory_float>) -> i32 {
  var po_self = cw_a_self;
  return (0i / 4i);
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn shiftRows_float(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var shift = cw_p.shift;
  var u___tmp20: SharedMemory_float;
  u___tmp20 = SharedMemory_float();
  var po_s: i32 = SharedMemory_float_get_0(cw_tid, cw_bid, 0i, &u___tmp20);
  var g: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  cw_dyn_shared[po_s + i32(cw_tid.x)] = bitcast<u32>(in[g]);
  storageBarrier();
  workgroupBarrier();
  out[g] = bitcast<f32>(cw_dyn_shared[po_s + i32(((cw_tid.x + u32(shift)) % cw_bx))]);
}

// ==== kernel shiftRows<int> ====
// kernel shiftRows<int>, from <source> by cuwasm

struct SharedMemory_int {
  cw_empty: u32,
}

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) shift: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> in: array<i32>;
@group(0) @binding(2) var<storage, read_write> out: array<i32>;
override cw_dyn_n: u32 = 1u;
var<workgroup> cw_dyn_shared: array<u32, cw_dyn_n>;

fn SharedMemory_int_get_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, SharedMemory_int>) -> i32 {
  var po_self = cw_a_self;
  return (0i / 4i);
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn shiftRows_int(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var shift = cw_p.shift;
  var u___tmp28: SharedMemory_int;
  u___tmp28 = SharedMemory_int();
  var po_s: i32 = SharedMemory_int_get_0(cw_tid, cw_bid, 0i, &u___tmp28);
  var g: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  cw_dyn_shared[po_s + i32(cw_tid.x)] = bitcast<u32>(in[g]);
  storageBarrier();
  workgroupBarrier();
  out[g] = bitcast<i32>(cw_dyn_shared[po_s + i32(((cw_tid.x + u32(shift)) % cw_bx))]);
}

