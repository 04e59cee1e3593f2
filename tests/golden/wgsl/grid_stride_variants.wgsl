// ==== kernel strideVariants ====
// kernel strideVariants, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) n: i32,
  u_step: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read_write> out: array<atomic<i32>>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn strideVariants(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var u_step = cw_p.u_step;
  var tid: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  var grid: i32 = i32((cw_bx * cw_p.cw_grid.x));
  {
    var i: i32 = tid;
    loop {
      if !((i < n)) { break; }
      _ = atomicAdd(&out[i], 1i);
      continuing {
        i = (i + grid);
      }
    }
  }
  {
    var i: i32 = tid;
    loop {
      if !((i <= (n - 1i))) { break; }
      _ = atomicAdd(&out[i], 10i);
      continuing {
        i = (i + (u_step * grid));
      }
    }
  }
  {
    var i: i32 = ((n - 1i) - tid);
    loop {
      if !((i >= 0i)) { break; }
      _ = atomicAdd(&out[i], 100i);
      continuing {
        i = (i - grid);
      }
    }
  }
  var back: i32 = (-u_step);
  {
    var i: i32 = tid;
    loop {
      if !(((i >= 0i) && (i < n))) { break; }
      _ = atomicAdd(&out[i], 1000i);
      continuing {
        i = (i + back);
      }
    }
  }
}

