// ==== kernel sumAtomic ====
// kernel sumAtomic, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) n: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> result: array<atomic<u32>>;
var<workgroup> smem: array<f32, 256>;

fn blockSum_float_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_v: f32, cw_a_smem: i32) -> f32 {
  var v = cw_a_v;
  var po_smem = cw_a_smem;
  smem[po_smem + i32(cw_tid.x)] = v;
  storageBarrier();
  workgroupBarrier();
  {
    var s: i32 = i32((cw_bx / 2u));
    loop {
      if !((s > 0i)) { break; }
      if ((cw_tid.x < u32(s))) {
        smem[po_smem + i32(cw_tid.x)] = (smem[po_smem + i32(cw_tid.x)] + smem[po_smem + i32((cw_tid.x + u32(s)))]);
      }
      storageBarrier();
      workgroupBarrier();
      continuing {
        s = (s >> u32(1i));
      }
    }
  }
  return smem[po_smem + 0i];
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn sumAtomic(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var local: f32 = 0.0f;
  {
    var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
    loop {
      if !((i < n)) { break; }
      local = (local + x[i]);
      continuing {
        i = i32((u32(i) + (cw_p.cw_grid.x * cw_bx)));
      }
    }
  }
  var total: f32 = blockSum_float_0(cw_tid, cw_bid, local, 0i);
  if ((cw_tid.x == 0u)) {
    let cw_t0 = total;
    var cw_t1 = atomicLoad(&result[0]);
    loop {
      let cw_t2 = atomicCompareExchangeWeak(&result[0], cw_t1, bitcast<u32>(bitcast<f32>(cw_t1) + cw_t0));
      if (cw_t2.exchanged) { break; }
      cw_t1 = cw_t2.old_value;
    }
    _ = bitcast<f32>(cw_t1);
  }
}

// ==== kernel sumSquaresU64 ====
// kernel sumSquaresU64, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) n: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> x: array<u32>;
@group(0) @binding(2) var<storage, read_write> result: array<atomic<u32>>;
var<workgroup> smem: array<vec2<u32>, 128>;

fn cw_add64(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> { let lo = a.x + b.x; return vec2<u32>(lo, a.y + b.y + select(0u, 1u, lo < a.x)); }

fn cw_mul32x32(a: u32, b: u32) -> vec2<u32> {
  let al = a & 0xffffu; let ah = a >> 16u; let bl = b & 0xffffu; let bh = b >> 16u;
  let ll = al * bl; let lh = al * bh; let hl = ah * bl;
  let mid = (ll >> 16u) + (lh & 0xffffu) + (hl & 0xffffu);
  return vec2<u32>((ll & 0xffffu) | (mid << 16u), ah * bh + (lh >> 16u) + (hl >> 16u) + (mid >> 16u));
}

fn cw_mul64(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> { let p = cw_mul32x32(a.x, b.x); return vec2<u32>(p.x, p.y + a.x * b.y + a.y * b.x); }

fn blockSum_unsignedlonglong_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_v: vec2<u32>, cw_a_smem: i32) -> vec2<u32> {
  var v = cw_a_v;
  var po_smem = cw_a_smem;
  smem[po_smem + i32(cw_tid.x)] = v;
  storageBarrier();
  workgroupBarrier();
  {
    var s: i32 = i32((cw_bx / 2u));
    loop {
      if !((s > 0i)) { break; }
      if ((cw_tid.x < u32(s))) {
        smem[po_smem + i32(cw_tid.x)] = cw_add64(smem[po_smem + i32(cw_tid.x)], smem[po_smem + i32((cw_tid.x + u32(s)))]);
      }
      storageBarrier();
      workgroupBarrier();
      continuing {
        s = (s >> u32(1i));
      }
    }
  }
  return smem[po_smem + 0i];
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn sumSquaresU64(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var local: vec2<u32> = vec2<u32>(0u, 0u);
  {
    var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
    loop {
      if !((i < n)) { break; }
      local = cw_add64(local, cw_mul64(vec2<u32>(x[i], 0u), vec2<u32>(x[i], 0u)));
      continuing {
        i = i32((u32(i) + (cw_p.cw_grid.x * cw_bx)));
      }
    }
  }
  var total: vec2<u32> = blockSum_unsignedlonglong_0(cw_tid, cw_bid, local, 0i);
  if ((cw_tid.x == 0u)) {
    let cw_t0 = 2u * u32(0i);
    let cw_t1 = total;
    let cw_t2 = atomicAdd(&result[cw_t0], cw_t1.x);
    let cw_t3 = atomicAdd(&result[cw_t0 + 1u], cw_t1.y + select(0u, 1u, cw_t2 + cw_t1.x < cw_t2));
    _ = vec2<u32>(cw_t2, cw_t3);
  }
}

