// ==== kernel blellochScan ====
// kernel blellochScan, from <source> by cuwasm

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
@group(0) @binding(3) var<storage, read_write> blockSums: array<f32>;
override cw_dyn_n: u32 = 1u;
var<workgroup> temp: array<f32, cw_dyn_n>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn blellochScan(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var tid: i32 = i32(cw_tid.x);
  var po_src: i32 = (0i + i32((cw_bid.x * u32(n))));
  var po_dst: i32 = (0i + i32((cw_bid.x * u32(n))));
  var offset: i32 = 1i;
  temp[(2i * tid)] = in[po_src + (2i * tid)];
  temp[((2i * tid) + 1i)] = in[po_src + ((2i * tid) + 1i)];
  {
    var d: i32 = (n >> u32(1i));
    loop {
      if !((d > 0i)) { break; }
      storageBarrier();
      workgroupBarrier();
      if ((tid < d)) {
        var ai: i32 = ((offset * ((2i * tid) + 1i)) - 1i);
        var bi: i32 = ((offset * ((2i * tid) + 2i)) - 1i);
        temp[bi] = (temp[bi] + temp[ai]);
      }
      offset = (offset * 2i);
      continuing {
        d = (d >> u32(1i));
      }
    }
  }
  storageBarrier();
  workgroupBarrier();
  if ((tid == 0i)) {
    blockSums[cw_bid.x] = temp[(n - 1i)];
    temp[(n - 1i)] = 0.0f;
  }
  {
    var d: i32 = 1i;
    loop {
      if !((d < n)) { break; }
      offset = (offset >> u32(1i));
      storageBarrier();
      workgroupBarrier();
      if ((tid < d)) {
        var ai: i32 = ((offset * ((2i * tid) + 1i)) - 1i);
        var bi: i32 = ((offset * ((2i * tid) + 2i)) - 1i);
        var t: f32 = temp[ai];
        temp[ai] = temp[bi];
        temp[bi] = (temp[bi] + t);
      }
      continuing {
        d = (d * 2i);
      }
    }
  }
  storageBarrier();
  workgroupBarrier();
  out[po_dst + (2i * tid)] = temp[(2i * tid)];
  out[po_dst + ((2i * tid) + 1i)] = temp[((2i * tid) + 1i)];
}

// ==== kernel addBlockSums ====
// kernel addBlockSums, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) n: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read_write> data: array<f32>;
@group(0) @binding(2) var<storage, read> scannedSums: array<f32>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn addBlockSums(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var i: i32 = i32(((cw_bid.x * u32(n)) + cw_tid.x));
  if ((cw_tid.x < u32(n))) {
    data[i] = (data[i] + scannedSums[cw_bid.x]);
  }
}

