// ==== kernel histogramKernel ====
// kernel histogramKernel, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) n: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> data: array<u32>;
@group(0) @binding(2) var<storage, read_write> bins: array<atomic<u32>>;
var<workgroup> local: array<atomic<u32>, 256>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn histogramKernel(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  {
    var b: i32 = i32(cw_tid.x);
    loop {
      if !((b < 256i)) { break; }
      atomicStore(&local[b], 0u);
      continuing {
        b = i32((u32(b) + cw_bx));
      }
    }
  }
  storageBarrier();
  workgroupBarrier();
  {
    var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
    loop {
      if !((i < n)) { break; }
      let cw_t0 = u32(0i + i);
      _ = atomicAdd(&local[extractBits(data[(cw_t0 / 4u)], ((cw_t0 % 4u) * 8u), 8u)], 1u);
      continuing {
        i = i32((u32(i) + (cw_bx * cw_p.cw_grid.x)));
      }
    }
  }
  storageBarrier();
  workgroupBarrier();
  {
    var b: i32 = i32(cw_tid.x);
    loop {
      if !((b < 256i)) { break; }
      _ = atomicAdd(&bins[b], atomicLoad(&local[b]));
      continuing {
        b = i32((u32(b) + cw_bx));
      }
    }
  }
}

