// ==== kernel histogram256 ====
// not emitted: the WGSL target does not support pointer casts that change the element size (1 to 4 bytes)

// ==== kernel histogramBinned ====
// kernel histogramBinned, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) n: i32,
  bins: i32,
  lo: f32,
  hi: f32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> hist: array<atomic<u32>>;
var<workgroup> fixedBins: array<atomic<u32>, 64>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn histogramBinned(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var bins = cw_p.bins;
  var lo = cw_p.lo;
  var hi = cw_p.hi;
  var po_bucket: i32 = 0i;
  {
    var b: i32 = i32(cw_tid.x);
    loop {
      if !((b < bins)) { break; }
      atomicStore(&fixedBins[po_bucket + b], 0u);
      continuing {
        b = i32((u32(b) + cw_bx));
      }
    }
  }
  storageBarrier();
  workgroupBarrier();
  var scale: f32 = (f32(bins) / (hi - lo));
  {
    var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
    loop {
      if !((i < n)) { break; }
      var b: i32 = i32(((x[i] - lo) * scale));
      b = min(max(b, 0i), (bins - 1i));
      _ = atomicAdd(&fixedBins[(po_bucket + b)], 1u);
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
      if !((b < bins)) { break; }
      _ = atomicAdd(&hist[(0i + b)], atomicLoad(&fixedBins[po_bucket + b]));
      continuing {
        b = i32((u32(b) + cw_bx));
      }
    }
  }
}

