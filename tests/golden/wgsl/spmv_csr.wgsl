// ==== kernel buildBanded ====
// kernel buildBanded, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) n: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read_write> rowPtr: array<i32>;
@group(0) @binding(2) var<storage, read_write> cols: array<i32>;
@group(0) @binding(3) var<storage, read_write> vals: array<f32>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn buildBanded(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var r: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  if ((r >= n)) {
    return;
  }
  rowPtr[r] = (3i * r);
  if ((r == (n - 1i))) {
    rowPtr[n] = (3i * n);
  }
  {
    var k: i32 = 0i;
    loop {
      if !((k < 3i)) { break; }
      var c: i32 = ((r + k) - 1i);
      var ok: bool = ((c >= 0i) && (c < n));
      cols[((3i * r) + k)] = select(r, c, ok);
      vals[((3i * r) + k)] = select(0.0f, select((-1.0f), 2.0f, (k == 1i)), ok);
      continuing {
        k = (k + 1i);
      }
    }
  }
}

// ==== kernel spmvScalar ====
// kernel spmvScalar, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) rows: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> rowPtr: array<i32>;
@group(0) @binding(2) var<storage, read> cols: array<i32>;
@group(0) @binding(3) var<storage, read> vals: array<f32>;
@group(0) @binding(4) var<storage, read> x: array<f32>;
@group(0) @binding(5) var<storage, read_write> y: array<f32>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn spmvScalar(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var rows = cw_p.rows;
  var r: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  if ((r < rows)) {
    var u_dot: f32 = 0.0f;
    {
      var j: i32 = rowPtr[r];
      loop {
        if !((j < rowPtr[(r + 1i)])) { break; }
        u_dot = (u_dot + (vals[j] * x[cols[j]]));
        continuing {
          j = (j + 1i);
        }
      }
    }
    y[r] = u_dot;
  }
}

// ==== kernel spmvVector ====
// kernel spmvVector, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) rows: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> rowPtr: array<i32>;
@group(0) @binding(2) var<storage, read> cols: array<i32>;
@group(0) @binding(3) var<storage, read> vals: array<f32>;
@group(0) @binding(4) var<storage, read> x: array<f32>;
@group(0) @binding(5) var<storage, read_write> y: array<f32>;
var<workgroup> cw_wx: array<u32, cw_bx * cw_by * cw_bz>;

fn cw_lin(t: vec3<u32>) -> u32 { return t.x + cw_bx * (t.y + cw_by * t.z); }

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn spmvVector(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var cw_live = true;
  var rows = cw_p.rows;
  var warpId: i32 = i32((((cw_bid.x * cw_bx) + cw_tid.x) / 32u));
  var lane: i32 = i32((cw_tid.x & 31u));
  if ((warpId >= rows)) {
    cw_live = false;
  }
  var sum: f32 = 0.0f;
  if (cw_live) {
    {
      var j: i32 = (rowPtr[warpId] + lane);
      loop {
        if !((j < rowPtr[(warpId + 1i)])) { break; }
        sum = (sum + (vals[j] * x[cols[j]]));
        continuing {
          j = (j + 32i);
        }
      }
    }
  }
  {
    var o: i32 = 16i;
    loop {
      if !((o > 0i)) { break; }
      cw_wx[cw_lin(cw_tid)] = bitcast<u32>(sum);
      workgroupBarrier();
      let cw_t0 = cw_lin(cw_tid) % 32u;
      let cw_t2 = u32(o);
      let cw_t1 = cw_wx[min(cw_lin(cw_tid) - cw_t0 + select(cw_t0, cw_t0 + cw_t2, cw_t0 % u32(32i) + cw_t2 < u32(32i)), cw_bx * cw_by * cw_bz - 1u)];
      workgroupBarrier();
      sum = (sum + bitcast<f32>(cw_t1));
      continuing {
        o = (o / 2i);
      }
    }
  }
  if (cw_live) {
    if ((lane == 0i)) {
      y[warpId] = sum;
    }
  }
}

