// ==== kernel histogram256 ====
// kernel histogram256, from <source> by cuwasm

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
@group(0) @binding(2) var<storage, read_write> hist: array<atomic<u32>>;
var<workgroup> local: array<atomic<u32>, 256>;

fn cw_unpack_u8x4(w: u32) -> vec4<u32> { return vec4<u32>(w & 0xffu, (w >> 8u) & 0xffu, (w >> 16u) & 0xffu, w >> 24u); }

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn histogram256(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
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
  var po_data4: i32 = (0i / 4i);
  var n4: i32 = (n / 4i);
  {
    var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
    loop {
      if !((i < n4)) { break; }
      let cw_t0 = u32(po_data4 + i);
      var v: vec4<u32> = cw_unpack_u8x4(data[cw_t0]);
      _ = atomicAdd(&local[v.x], 1u);
      _ = atomicAdd(&local[v.y], 1u);
      _ = atomicAdd(&local[v.z], 1u);
      _ = atomicAdd(&local[v.w], 1u);
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
      if ((atomicLoad(&local[b]) != 0u)) {
        _ = atomicAdd(&hist[b], atomicLoad(&local[b]));
      }
      continuing {
        b = i32((u32(b) + cw_bx));
      }
    }
  }
}

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
      _ = atomicAdd(&fixedBins[po_bucket + b], 1u);
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

