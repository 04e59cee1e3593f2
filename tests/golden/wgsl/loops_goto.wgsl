// ==== kernel collatzSteps ====
// not emitted: the WGSL target does not support goto and labels

// ==== kernel findFirst ====
// not emitted: the WGSL target does not support goto and labels

// ==== kernel gcdKernel ====
// not emitted: the WGSL target does not support goto and labels

// ==== kernel digitSum ====
// kernel digitSum, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> in: array<i32>;
@group(0) @binding(2) var<storage, read_write> out: array<i32>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn digitSum(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var v: i32 = in[cw_tid.x];
  var s: i32 = 0i;
  {
    loop {
      s = (s + (v % 10i));
      v = (v / 10i);
      if (!((v != 0i))) {
        break;
      }
    }
  }
  var i: i32 = 0i;
  var j: i32 = 0i;
  {
    loop {
      if !(((i < 3i) && (j < 5i))) { break; }
      i = (i + 1i); j = (j + 2i);
    }
  }
  out[cw_tid.x] = ((s + i) + j);
}

