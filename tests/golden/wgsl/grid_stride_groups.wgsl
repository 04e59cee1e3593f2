// ==== kernel groupSums ====
// kernel groupSums, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) n: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> x: array<i32>;
@group(0) @binding(2) var<storage, read_write> out: array<i32>;
var<workgroup> part: array<i32, 64>;
var<workgroup> counters: array<atomic<i32>, 2>;

fn blockSlot_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_counters: i32) -> i32 {
  var po_counters = cw_a_counters;
  return (po_counters + i32((cw_bid.x & 1u)));
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn groupSums(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var t: i32 = i32(cw_tid.x);
  var scale: i32 = (i32(cw_bid.x) + 1i);
  if ((t < 2i)) {
    atomicStore(&counters[t], 0i);
  }
  var s: i32 = 0i;
  {
    var i: i32 = i32(((cw_bid.x * cw_bx) + u32(t)));
    loop {
      if !((i < n)) { break; }
      s = (s + ((x[i] & 1023i) * scale));
      continuing {
        i = i32((u32(i) + (cw_bx * cw_p.cw_grid.x)));
      }
    }
  }
  part[t] = s;
  storageBarrier();
  workgroupBarrier();
  if ((t == 0i)) {
    var total: i32 = 0i;
    {
      var k: i32 = 0i;
      loop {
        if !((k < i32(cw_bx))) { break; }
        total = (total + part[k]);
        continuing {
          k = (k + 1i);
        }
      }
    }
    _ = atomicAdd(&counters[blockSlot_0(cw_tid, cw_bid, 0i)], total);
  }
  storageBarrier();
  workgroupBarrier();
  if ((t == 0i)) {
    out[cw_bid.x] = (atomicLoad(&counters[(cw_bid.x & 1u)]) + ((atomicLoad(&counters[((cw_bid.x + 1u) & 1u)]) + 7i) * 3i));
  }
}

// ==== kernel groupDyn ====
// kernel groupDyn, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) n: i32,
  limit: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> x: array<i32>;
@group(0) @binding(2) var<storage, read_write> out: array<i32>;
override cw_dyn_n: u32 = 1u;
var<workgroup> dyn: array<i32, cw_dyn_n>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn groupDyn(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var cw_live = true;
  var n = cw_p.n;
  var limit = cw_p.limit;
  var t: i32 = i32(cw_tid.x);
  dyn[t] = i32(cw_bid.x);
  if ((t >= limit)) {
    cw_live = false;
  }
  var c: i32 = 0i;
  if (cw_live) {
    {
      var i: i32 = i32(((cw_bid.x * cw_bx) + u32(t)));
      loop {
        if !((i < n)) { break; }
        c = (c + (x[i] & 7i));
        continuing {
          i = i32((u32(i) + (cw_bx * cw_p.cw_grid.x)));
        }
      }
    }
  }
  storageBarrier();
  workgroupBarrier();
  if (cw_live) {
    out[((cw_bid.x * cw_bx) + u32(t))] = (c + (dyn[((t + 1i) % limit)] * 100i));
  }
}

