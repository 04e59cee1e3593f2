// ==== kernel layerNorm ====
// kernel layerNorm, from <source> by cuwasm

struct Welford {
  mean: f32,
  m2: f32,
  count: f32,
}

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) cols: i32,
  eps: f32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read> gamma: array<f32>;
@group(0) @binding(3) var<storage, read> beta: array<f32>;
@group(0) @binding(4) var<storage, read_write> y: array<f32>;
var<workgroup> cw_wx: array<u32, cw_bx * cw_by * cw_bz>;

fn cw_lin(t: vec3<u32>) -> u32 { return t.x + cw_bx * (t.y + cw_by * t.z); }

fn welfordAdd(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_w: Welford, cw_a_x: f32) -> Welford {
  var w = cw_a_w;
  var x = cw_a_x;
  w.count = (w.count + 1.0f);
  var d: f32 = (x - w.mean);
  w.mean = (w.mean + (d / w.count));
  w.m2 = (w.m2 + (d * (x - w.mean)));
  return w;
}

fn welfordMerge(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_a: Welford, cw_a_b: Welford) -> Welford {
  var a = cw_a_a;
  var b = cw_a_b;
  if ((b.count == 0.0f)) {
    return a;
  }
  if ((a.count == 0.0f)) {
    return b;
  }
  var r: Welford;
  r.count = (a.count + b.count);
  var d: f32 = (b.mean - a.mean);
  r.mean = (a.mean + ((d * b.count) / r.count));
  r.m2 = ((a.m2 + b.m2) + ((((d * d) * a.count) * b.count) / r.count));
  return r;
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn layerNorm(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var cols = cw_p.cols;
  var eps = cw_p.eps;
  var po_row: i32 = (0i + i32((cw_bid.x * u32(cols))));
  var w: Welford = Welford(0.0f, 0.0f, 0.0f);
  {
    var c: i32 = i32(cw_tid.x);
    loop {
      if !((c < cols)) { break; }
      w = welfordAdd(cw_tid, cw_bid, w, x[po_row + c]);
      continuing {
        c = (c + 32i);
      }
    }
  }
  {
    var o: i32 = 16i;
    loop {
      if !((o > 0i)) { break; }
      var other: Welford;
      cw_wx[cw_lin(cw_tid)] = bitcast<u32>(w.mean);
      workgroupBarrier();
      let cw_t0 = cw_lin(cw_tid) % 32u;
      let cw_t2 = u32(o);
      let cw_t1 = cw_wx[min(cw_lin(cw_tid) - cw_t0 + select(cw_t0, cw_t0 + cw_t2, cw_t0 % u32(32i) + cw_t2 < u32(32i)), cw_bx * cw_by * cw_bz - 1u)];
      workgroupBarrier();
      other.mean = bitcast<f32>(cw_t1);
      cw_wx[cw_lin(cw_tid)] = bitcast<u32>(w.m2);
      workgroupBarrier();
      let cw_t3 = cw_lin(cw_tid) % 32u;
      let cw_t5 = u32(o);
      let cw_t4 = cw_wx[min(cw_lin(cw_tid) - cw_t3 + select(cw_t3, cw_t3 + cw_t5, cw_t3 % u32(32i) + cw_t5 < u32(32i)), cw_bx * cw_by * cw_bz - 1u)];
      workgroupBarrier();
      other.m2 = bitcast<f32>(cw_t4);
      cw_wx[cw_lin(cw_tid)] = bitcast<u32>(w.count);
      workgroupBarrier();
      let cw_t6 = cw_lin(cw_tid) % 32u;
      let cw_t8 = u32(o);
      let cw_t7 = cw_wx[min(cw_lin(cw_tid) - cw_t6 + select(cw_t6, cw_t6 + cw_t8, cw_t6 % u32(32i) + cw_t8 < u32(32i)), cw_bx * cw_by * cw_bz - 1u)];
      workgroupBarrier();
      other.count = bitcast<f32>(cw_t7);
      w = welfordMerge(cw_tid, cw_bid, w, other);
      continuing {
        o = (o >> u32(1i));
      }
    }
  }
  cw_wx[cw_lin(cw_tid)] = bitcast<u32>(w.mean);
  workgroupBarrier();
  let cw_t9 = cw_lin(cw_tid) % 32u;
  let cw_t11 = u32(0i);
  let cw_t10 = cw_wx[min(cw_lin(cw_tid) - cw_t9 + ((cw_t9 - cw_t9 % u32(32i)) + cw_t11 % u32(32i)), cw_bx * cw_by * cw_bz - 1u)];
  workgroupBarrier();
  var mean: f32 = bitcast<f32>(cw_t10);
  cw_wx[cw_lin(cw_tid)] = bitcast<u32>(w.m2);
  workgroupBarrier();
  let cw_t12 = cw_lin(cw_tid) % 32u;
  let cw_t14 = u32(0i);
  let cw_t13 = cw_wx[min(cw_lin(cw_tid) - cw_t12 + ((cw_t12 - cw_t12 % u32(32i)) + cw_t14 % u32(32i)), cw_bx * cw_by * cw_bz - 1u)];
  workgroupBarrier();
  var u_var: f32 = (bitcast<f32>(cw_t13) / f32(cols));
  var inv: f32 = inverseSqrt((u_var + eps));
  {
    var c: i32 = i32(cw_tid.x);
    loop {
      if !((c < cols)) { break; }
      y[((cw_bid.x * u32(cols)) + u32(c))] = ((((x[po_row + c] - mean) * inv) * gamma[c]) + beta[c]);
      continuing {
        c = (c + 32i);
      }
    }
  }
}

