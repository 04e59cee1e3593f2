// ==== kernel reduceShuffle ====
// kernel reduceShuffle, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) n: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> in: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;
var<workgroup> warpSums: array<f32, 32>;
var<workgroup> cw_wx: array<u32, cw_bx * cw_by * cw_bz>;

fn cw_lin(t: vec3<u32>) -> u32 { return t.x + cw_bx * (t.y + cw_by * t.z); }

fn warpReduceSum(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_val: f32) -> f32 {
  var val = cw_a_val;
  {
    var offset: i32 = (32i / 2i);
    loop {
      if !((offset > 0i)) { break; }
      cw_wx[cw_lin(cw_tid)] = bitcast<u32>(val);
      workgroupBarrier();
      let cw_t0 = cw_lin(cw_tid) % 32u;
      let cw_t2 = u32(offset);
      let cw_t1 = cw_wx[min(cw_lin(cw_tid) - cw_t0 + select(cw_t0, cw_t0 + cw_t2, cw_t0 % u32(32i) + cw_t2 < u32(32i)), cw_bx * cw_by * cw_bz - 1u)];
      workgroupBarrier();
      val = (val + bitcast<f32>(cw_t1));
      continuing {
        offset = (offset / 2i);
      }
    }
  }
  return val;
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn reduceShuffle(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var lane: i32 = i32((cw_tid.x % u32(32i)));
  var wid: i32 = i32((cw_tid.x / u32(32i)));
  var sum: f32 = 0.0f;
  {
    var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
    loop {
      if !((i < n)) { break; }
      sum = (sum + in[i]);
      continuing {
        i = i32((u32(i) + (cw_bx * cw_p.cw_grid.x)));
      }
    }
  }
  sum = warpReduceSum(cw_tid, cw_bid, sum);
  if ((lane == 0i)) {
    warpSums[wid] = sum;
  }
  storageBarrier();
  workgroupBarrier();
  sum = select(0.0f, warpSums[lane], (cw_tid.x < (cw_bx / u32(32i))));
  let cw_t3 = (wid == 0i); // runs in every thread, undone where false
  let cw_t4 = sum;
  {
    sum = warpReduceSum(cw_tid, cw_bid, sum);
  }
  if (!cw_t3) {
    sum = cw_t4;
  }
  if ((cw_tid.x == 0u)) {
    out[cw_bid.x] = sum;
  }
}

// ==== kernel allReduceXor ====
// kernel allReduceXor, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> in: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;
var<workgroup> cw_wx: array<u32, cw_bx * cw_by * cw_bz>;

fn cw_lin(t: vec3<u32>) -> u32 { return t.x + cw_bx * (t.y + cw_by * t.z); }

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn allReduceXor(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  var v: f32 = in[i];
  {
    var mask: i32 = 16i;
    loop {
      if !((mask >= 1i)) { break; }
      cw_wx[cw_lin(cw_tid)] = bitcast<u32>(v);
      workgroupBarrier();
      let cw_t0 = cw_lin(cw_tid) % 32u;
      let cw_t2 = u32(mask);
      let cw_t1 = cw_wx[min(cw_lin(cw_tid) - cw_t0 + select(cw_t0, cw_t0 ^ cw_t2, ((cw_t0 ^ cw_t2) - (cw_t0 - cw_t0 % u32(32i))) < u32(32i)), cw_bx * cw_by * cw_bz - 1u)];
      workgroupBarrier();
      v = (v + bitcast<f32>(cw_t1));
      continuing {
        mask = (mask >> u32(1i));
      }
    }
  }
  out[i] = v;
}

