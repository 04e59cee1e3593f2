// ==== kernel intAtomics ====
// kernel intAtomics, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> v: array<i32>;
@group(0) @binding(2) var<storage, read_write> acc: array<atomic<i32>>;
@group(0) @binding(3) var<storage, read_write> uacc: array<atomic<u32>>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn intAtomics(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  var x: i32 = v[i];
  _ = atomicAdd(&acc[0i], x);
  _ = atomicSub(&acc[1i], x);
  _ = atomicMin(&acc[2i], (-x));
  _ = atomicMax(&acc[3i], x);
  _ = atomicAnd(&acc[4i], (~x));
  _ = atomicOr(&acc[5i], x);
  _ = atomicXor(&acc[6i], x);
  _ = atomicExchange(&acc[7i], 5i);
  let cw_t0 = 100u;
  var cw_t1 = atomicLoad(&uacc[0i]);
  loop {
    let cw_t2 = atomicCompareExchangeWeak(&uacc[0i], cw_t1, select(cw_t1 + 1u, 0u, cw_t1 >= cw_t0));
    if (cw_t2.exchanged) { break; }
    cw_t1 = cw_t2.old_value;
  }
  _ = cw_t1;
  let cw_t3 = 50u;
  var cw_t4 = atomicLoad(&uacc[1i]);
  loop {
    let cw_t5 = atomicCompareExchangeWeak(&uacc[1i], cw_t4, select(cw_t4 - 1u, cw_t3, cw_t4 == 0u || cw_t4 > cw_t3));
    if (cw_t5.exchanged) { break; }
    cw_t4 = cw_t5.old_value;
  }
  _ = cw_t4;
  let cw_t6 = 0u;
  let cw_t7 = 7u;
  var cw_t8: u32;
  loop {
    let cw_t9 = atomicCompareExchangeWeak(&uacc[2i], cw_t6, cw_t7);
    if (cw_t9.exchanged || cw_t9.old_value != cw_t6) { cw_t8 = cw_t9.old_value; break; }
  }
  var old: u32 = cw_t8;
  if ((old == 0u)) {
    _ = atomicAdd(&uacc[3i], 1u);
  }
}

// ==== kernel u64Atomics ====
// not emitted: the WGSL target does not support 'atomicMin' on 64-bit integers (WGSL atomics are 32-bit)

// ==== kernel sharedAtomics ====
// kernel sharedAtomics, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> v: array<i32>;
@group(0) @binding(2) var<storage, read_write> out: array<i32>;
var<workgroup> s: array<atomic<i32>, 6>;
var<workgroup> u: array<atomic<u32>, 2>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn sharedAtomics(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  if ((cw_tid.x < 6u)) {
    atomicStore(&s[cw_tid.x], select(0i, 2147483647i, (cw_tid.x == 2u)));
  }
  if ((cw_tid.x < 2u)) {
    atomicStore(&u[cw_tid.x], 0u);
  }
  storageBarrier();
  workgroupBarrier();
  var x: i32 = (v[((cw_bid.x * cw_bx) + cw_tid.x)] & 65535i);
  _ = atomicAdd(&s[0i], 1i);
  _ = atomicSub(&s[1i], 1i);
  _ = atomicMin(&s[2i], x);
  _ = atomicMax(&s[3i], x);
  _ = atomicOr(&s[4i], (1i << (cw_tid.x & 31u)));
  _ = atomicXor(&s[5i], x);
  let cw_t0 = 31u;
  var cw_t1 = atomicLoad(&u[0i]);
  loop {
    let cw_t2 = atomicCompareExchangeWeak(&u[0i], cw_t1, select(cw_t1 + 1u, 0u, cw_t1 >= cw_t0));
    if (cw_t2.exchanged) { break; }
    cw_t1 = cw_t2.old_value;
  }
  _ = cw_t1;
  _ = atomicExchange(&u[1i], cw_tid.x);
  storageBarrier();
  workgroupBarrier();
  if ((cw_tid.x < 6u)) {
    out[((cw_bid.x * 6u) + cw_tid.x)] = (atomicLoad(&s[cw_tid.x]) + select(0i, i32(atomicLoad(&u[0i])), (cw_tid.x == 0u)));
  }
}

