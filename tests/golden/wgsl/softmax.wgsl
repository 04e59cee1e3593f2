// ==== kernel softmaxRows ====
// kernel softmaxRows, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) cols: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
var<workgroup> scratch: array<f32, 32>;
var<workgroup> cw_wx: array<u32, cw_bx * cw_by * cw_bz>;

fn cw_f32_bits(b: u32) -> f32 { return bitcast<f32>(b); }

fn cw_lin(t: vec3<u32>) -> u32 { return t.x + cw_bx * (t.y + cw_by * t.z); }

fn blockReduce(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_v: f32, cw_a_isMax: bool) -> f32 {
  var v = cw_a_v;
  var isMax = cw_a_isMax;
  var lane: i32 = i32((cw_tid.x & 31u));
  var warp: i32 = i32((cw_tid.x >> u32(5i)));
  v = select(warpSum(cw_tid, cw_bid, v), warpMax(cw_tid, cw_bid, v), isMax);
  if ((lane == 0i)) {
    scratch[warp] = v;
  }
  storageBarrier();
  workgroupBarrier();
  var nw: i32 = i32(((cw_bx + 31u) / 32u));
  v = select(select(0.0f, (-cw_f32_bits(bitcast<u32>(2139095040i))), isMax), scratch[lane], (lane < nw));
  v = select(warpSum(cw_tid, cw_bid, v), warpMax(cw_tid, cw_bid, v), isMax);
  storageBarrier();
  workgroupBarrier();
  return v;
}

fn warpMax(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_v: f32) -> f32 {
  var v = cw_a_v;
  {
    var o: i32 = 16i;
    loop {
      if !((o > 0i)) { break; }
      cw_wx[cw_lin(cw_tid)] = bitcast<u32>(v);
      workgroupBarrier();
      let cw_t0 = cw_lin(cw_tid) % 32u;
      let cw_t2 = u32(o);
      let cw_t1 = cw_wx[min(cw_lin(cw_tid) - cw_t0 + select(cw_t0, cw_t0 ^ cw_t2, ((cw_t0 ^ cw_t2) - (cw_t0 - cw_t0 % u32(32i))) < u32(32i)), cw_bx * cw_by * cw_bz - 1u)];
      workgroupBarrier();
      v = max(v, bitcast<f32>(cw_t1));
      continuing {
        o = (o >> u32(1i));
      }
    }
  }
  return v;
}

fn warpSum(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_v: f32) -> f32 {
  var v = cw_a_v;
  {
    var o: i32 = 16i;
    loop {
      if !((o > 0i)) { break; }
      cw_wx[cw_lin(cw_tid)] = bitcast<u32>(v);
      workgroupBarrier();
      let cw_t3 = cw_lin(cw_tid) % 32u;
      let cw_t5 = u32(o);
      let cw_t4 = cw_wx[min(cw_lin(cw_tid) - cw_t3 + select(cw_t3, cw_t3 ^ cw_t5, ((cw_t3 ^ cw_t5) - (cw_t3 - cw_t3 % u32(32i))) < u32(32i)), cw_bx * cw_by * cw_bz - 1u)];
      workgroupBarrier();
      v = (v + bitcast<f32>(cw_t4));
      continuing {
        o = (o >> u32(1i));
      }
    }
  }
  return v;
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn softmaxRows(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var cols = cw_p.cols;
  var po_row: i32 = (0i + i32((cw_bid.x * u32(cols))));
  var po_out: i32 = (0i + i32((cw_bid.x * u32(cols))));
  var m: f32 = (-cw_f32_bits(bitcast<u32>(2139095040i)));
  {
    var c: i32 = i32(cw_tid.x);
    loop {
      if !((c < cols)) { break; }
      m = max(m, x[po_row + c]);
      continuing {
        c = i32((u32(c) + cw_bx));
      }
    }
  }
  m = blockReduce(cw_tid, cw_bid, m, true);
  var s: f32 = 0.0f;
  {
    var c: i32 = i32(cw_tid.x);
    loop {
      if !((c < cols)) { break; }
      s = (s + exp((x[po_row + c] - m)));
      continuing {
        c = i32((u32(c) + cw_bx));
      }
    }
  }
  s = blockReduce(cw_tid, cw_bid, s, false);
  var inv: f32 = (1.0f / s);
  {
    var c: i32 = i32(cw_tid.x);
    loop {
      if !((c < cols)) { break; }
      y[po_out + c] = (exp((x[po_row + c] - m)) * inv);
      continuing {
        c = i32((u32(c) + cw_bx));
      }
    }
  }
}

// ==== kernel softmaxWarpPerRow ====
// kernel softmaxWarpPerRow, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) rows: i32,
  cols: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
var<workgroup> cw_wx: array<u32, cw_bx * cw_by * cw_bz>;

fn cw_f32_bits(b: u32) -> f32 { return bitcast<f32>(b); }

fn cw_lin(t: vec3<u32>) -> u32 { return t.x + cw_bx * (t.y + cw_by * t.z); }

fn warpMax(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_v: f32) -> f32 {
  var v = cw_a_v;
  {
    var o: i32 = 16i;
    loop {
      if !((o > 0i)) { break; }
      cw_wx[cw_lin(cw_tid)] = bitcast<u32>(v);
      workgroupBarrier();
      let cw_t0 = cw_lin(cw_tid) % 32u;
      let cw_t2 = u32(o);
      let cw_t1 = cw_wx[min(cw_lin(cw_tid) - cw_t0 + select(cw_t0, cw_t0 ^ cw_t2, ((cw_t0 ^ cw_t2) - (cw_t0 - cw_t0 % u32(32i))) < u32(32i)), cw_bx * cw_by * cw_bz - 1u)];
      workgroupBarrier();
      v = max(v, bitcast<f32>(cw_t1));
      continuing {
        o = (o >> u32(1i));
      }
    }
  }
  return v;
}

fn warpSum(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_v: f32) -> f32 {
  var v = cw_a_v;
  {
    var o: i32 = 16i;
    loop {
      if !((o > 0i)) { break; }
      cw_wx[cw_lin(cw_tid)] = bitcast<u32>(v);
      workgroupBarrier();
      let cw_t3 = cw_lin(cw_tid) % 32u;
      let cw_t5 = u32(o);
      let cw_t4 = cw_wx[min(cw_lin(cw_tid) - cw_t3 + select(cw_t3, cw_t3 ^ cw_t5, ((cw_t3 ^ cw_t5) - (cw_t3 - cw_t3 % u32(32i))) < u32(32i)), cw_bx * cw_by * cw_bz - 1u)];
      workgroupBarrier();
      v = (v + bitcast<f32>(cw_t4));
      continuing {
        o = (o >> u32(1i));
      }
    }
  }
  return v;
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn softmaxWarpPerRow(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var cw_live = true;
  var rows = cw_p.rows;
  var cols = cw_p.cols;
  var warp: i32 = i32((((cw_bid.x * cw_bx) + cw_tid.x) / 32u));
  var lane: i32 = i32((cw_tid.x % 32u));
  if ((warp >= rows)) {
    cw_live = false;
  }
  var po_r: i32 = (0i + (warp * cols));
  var m: f32 = (-cw_f32_bits(bitcast<u32>(2139095040i)));
  if (cw_live) {
    {
      var c: i32 = lane;
      loop {
        if !((c < cols)) { break; }
        m = max(m, x[po_r + c]);
        continuing {
          c = (c + 32i);
        }
      }
    }
  }
  m = warpMax(cw_tid, cw_bid, m);
  var s: f32 = 0.0f;
  if (cw_live) {
    {
      var c: i32 = lane;
      loop {
        if !((c < cols)) { break; }
        s = (s + exp((x[po_r + c] - m)));
        continuing {
          c = (c + 32i);
        }
      }
    }
  }
  s = warpSum(cw_tid, cw_bid, s);
  if (cw_live) {
    {
      var c: i32 = lane;
      loop {
        if !((c < cols)) { break; }
        y[((warp * cols) + c)] = (exp((x[po_r + c] - m)) / s);
        continuing {
          c = (c + 32i);
        }
      }
    }
  }
}

