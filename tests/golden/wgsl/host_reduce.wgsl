// ==== kernel partialSums ====
// kernel partialSums, from <source> by cuwasm

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
override cw_dyn_n: u32 = 1u;
var<workgroup> buf: array<f32, cw_dyn_n>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn partialSums(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var tid: i32 = i32(cw_tid.x);
  var v: f32 = 0.0f;
  {
    var i: i32 = i32(((cw_bid.x * cw_bx) + u32(tid)));
    loop {
      if !((i < n)) { break; }
      v = (v + in[i]);
      continuing {
        i = i32((u32(i) + (cw_bx * cw_p.cw_grid.x)));
      }
    }
  }
  buf[tid] = v;
  storageBarrier();
  workgroupBarrier();
  {
    var s: i32 = i32((cw_bx / 2u));
    loop {
      if !((s > 0i)) { break; }
      if ((tid < s)) {
        buf[tid] = (buf[tid] + buf[(tid + s)]);
      }
      storageBarrier();
      workgroupBarrier();
      continuing {
        s = (s >> u32(1i));
      }
    }
  }
  if ((tid == 0i)) {
    out[cw_bid.x] = buf[0i];
  }
}

