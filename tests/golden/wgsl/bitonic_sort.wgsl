// ==== kernel bitonicSortShared ====
// kernel bitonicSortShared, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read_write> data: array<f32>;
var<workgroup> s: array<f32, 512>;

fn swapf_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_a: i32, cw_a_b: i32) {
  var po_a = cw_a_a;
  var po_b = cw_a_b;
  var t: f32 = s[po_a];
  s[po_a] = s[po_b];
  s[po_b] = t;
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn bitonicSortShared(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var tid: u32 = cw_tid.x;
  var po_base: i32 = (0i + i32((cw_bid.x * 512u)));
  s[tid] = data[po_base + i32(tid)];
  storageBarrier();
  workgroupBarrier();
  {
    var k: u32 = 2u;
    loop {
      if !((k <= 512u)) { break; }
      {
        var j: u32 = (k >> u32(1i));
        loop {
          if !((j > 0u)) { break; }
          var ixj: u32 = (tid ^ j);
          if ((ixj > tid)) {
            var ascending: bool = ((tid & k) == 0u);
            if ((i32((s[tid] > s[ixj])) == i32(ascending))) {
              swapf_0(cw_tid, cw_bid, i32(tid), i32(ixj));
            }
          }
          storageBarrier();
          workgroupBarrier();
          continuing {
            j = (j >> u32(1i));
          }
        }
      }
      continuing {
        k = (k << u32(1i));
      }
    }
  }
  data[po_base + i32(tid)] = s[tid];
}

// ==== kernel bitonicStep ====
// kernel bitonicStep, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) j: i32,
  k: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read_write> data: array<i32>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn bitonicStep(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var j = cw_p.j;
  var k = cw_p.k;
  var i: u32 = (cw_tid.x + (cw_bx * cw_bid.x));
  var ixj: u32 = (i ^ u32(j));
  if ((ixj > i)) {
    var a: i32 = data[i];
    var b: i32 = data[ixj];
    if (((i & u32(k)) == 0u)) {
      if ((a > b)) {
        data[i] = b;
        data[ixj] = a;
      }
    } else {
      if ((a < b)) {
        data[i] = b;
        data[ixj] = a;
      }
    }
  }
}

