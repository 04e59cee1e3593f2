// ==== kernel scanHillisSteele ====
// kernel scanHillisSteele, from <source> by cuwasm

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
var<workgroup> temp: array<array<f32, 512>, 2>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn scanHillisSteele(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var tid: i32 = i32(cw_tid.x);
  var pout: i32 = 0i;
  var pin: i32 = 1i;
  temp[pout][tid] = select(0.0f, in[tid], (tid < n));
  storageBarrier();
  workgroupBarrier();
  {
    var offset: i32 = 1i;
    loop {
      if !((offset < n)) { break; }
      pout = (1i - pout);
      pin = (1i - pout);
      if ((tid >= offset)) {
        temp[pout][tid] = (temp[pin][tid] + temp[pin][(tid - offset)]);
      } else {
        temp[pout][tid] = temp[pin][tid];
      }
      storageBarrier();
      workgroupBarrier();
      continuing {
        offset = (offset * 2i);
      }
    }
  }
  if ((tid < n)) {
    out[tid] = temp[pout][tid];
  }
}

// ==== kernel exclusiveScanHS ====
// kernel exclusiveScanHS, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) n: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> in: array<i32>;
@group(0) @binding(2) var<storage, read_write> out: array<i32>;
var<workgroup> buf: array<array<i32, 256>, 2>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn exclusiveScanHS(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var tid: i32 = i32(cw_tid.x);
  var cur: i32 = 0i;
  buf[cur][tid] = select(0i, in[(tid - 1i)], ((tid > 0i) && (tid < n)));
  storageBarrier();
  workgroupBarrier();
  {
    var offset: i32 = 1i;
    loop {
      if !((u32(offset) < cw_bx)) { break; }
      var v: i32 = buf[cur][tid];
      if ((tid >= offset)) {
        v = (v + buf[cur][(tid - offset)]);
      }
      buf[(cur ^ 1i)][tid] = v;
      cur = (cur ^ 1i);
      storageBarrier();
      workgroupBarrier();
      continuing {
        offset = (offset << u32(1i));
      }
    }
  }
  if ((tid < n)) {
    out[tid] = buf[cur][tid];
  }
}

