// ==== kernel countCalls ====
// kernel countCalls, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read_write> total: array<i32>;
@group(0) @binding(2) var<storage, read_write> callCount: atomic<i32>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn countCalls(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var ticket: i32 = atomicAdd(&callCount, 1i);
  if ((ticket == (i32((cw_bx * cw_p.cw_grid.x)) - 1i))) {
    total[0i] = (ticket + 1i);
  }
}

// ==== kernel lookupTable ====
// kernel lookupTable, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> idx: array<i32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;
const table: array<f32, 8> = array<f32, 8>(0.0f, 1.0f, 4.0f, 9.0f, 16.0f, 25.0f, 36.0f, 49.0f);

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn lookupTable(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  out[cw_tid.x] = table[(idx[cw_tid.x] & 7i)];
}

// ==== kernel accumulateManaged ====
// kernel accumulateManaged, from <source> by cuwasm

struct Stats {
  sum: f32,
  count: i32,
}

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> managedTotal: atomic<u32>;
@group(0) @binding(3) var<storage, read_write> managedHits: atomic<i32>;
@group(0) @binding(4) var<storage, read_write> globalStats: array<atomic<u32>, 2>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn accumulateManaged(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  let cw_t0 = x[i];
  var cw_t1 = atomicLoad(&managedTotal);
  loop {
    let cw_t2 = atomicCompareExchangeWeak(&managedTotal, cw_t1, bitcast<u32>(bitcast<f32>(cw_t1) + cw_t0));
    if (cw_t2.exchanged) { break; }
    cw_t1 = cw_t2.old_value;
  }
  _ = bitcast<f32>(cw_t1);
  _ = atomicAdd(&managedHits, 1i);
  let cw_t3 = x[i];
  var cw_t4 = atomicLoad(&globalStats[0]);
  loop {
    let cw_t5 = atomicCompareExchangeWeak(&globalStats[0], cw_t4, bitcast<u32>(bitcast<f32>(cw_t4) + cw_t3));
    if (cw_t5.exchanged) { break; }
    cw_t4 = cw_t5.old_value;
  }
  _ = bitcast<f32>(cw_t4);
  _ = bitcast<i32>(atomicAdd(&globalStats[1], u32(1i)));
}

// ==== kernel lastBlockSum ====
// kernel lastBlockSum, from <source> by cuwasm

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
@group(0) @binding(2) var<storage, read_write> partial: array<f32>;
@group(0) @binding(3) var<storage, read_write> total: array<f32>;
var<workgroup> s: array<f32, 128>;
var<workgroup> amLast: bool;
@group(0) @binding(4) var<storage, read_write> blocksDone: atomic<u32>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn lastBlockSum(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  s[cw_tid.x] = select(0.0f, x[i], (i < n));
  storageBarrier();
  workgroupBarrier();
  {
    var k: i32 = i32((cw_bx / 2u));
    loop {
      if !((k > 0i)) { break; }
      if ((cw_tid.x < u32(k))) {
        s[cw_tid.x] = (s[cw_tid.x] + s[(cw_tid.x + u32(k))]);
      }
      storageBarrier();
      workgroupBarrier();
      continuing {
        k = (k >> u32(1i));
      }
    }
  }
  if ((cw_tid.x == 0u)) {
    partial[cw_bid.x] = s[0i];
    let cw_t0 = cw_p.cw_grid.x;
    var cw_t1 = atomicLoad(&blocksDone);
    loop {
      let cw_t2 = atomicCompareExchangeWeak(&blocksDone, cw_t1, select(cw_t1 + 1u, 0u, cw_t1 >= cw_t0));
      if (cw_t2.exchanged) { break; }
      cw_t1 = cw_t2.old_value;
    }
    var ticket: u32 = cw_t1;
    amLast = (ticket == (cw_p.cw_grid.x - 1u));
  }
  storageBarrier();
  workgroupBarrier();
  if ((amLast && (cw_tid.x == 0u))) {
    var t: f32 = 0.0f;
    {
      var b: u32 = 0u;
      loop {
        if !((b < cw_p.cw_grid.x)) { break; }
        t = (t + partial[b]);
        continuing {
          b = (b + 1u);
        }
      }
    }
    total[0i] = t;
    atomicStore(&blocksDone, 0u);
  }
}

