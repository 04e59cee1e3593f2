// ==== kernel maxPool2x2 ====
// kernel maxPool2x2, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) H: i32,
  W: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> in: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;
@group(0) @binding(3) var<storage, read_write> argmax: array<i32>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn maxPool2x2(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var H = cw_p.H;
  var W = cw_p.W;
  var ox: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  var oy: i32 = i32(((cw_bid.y * cw_by) + cw_tid.y));
  var c: i32 = i32(cw_bid.z);
  var OH: i32 = (H / 2i);
  var OW: i32 = (W / 2i);
  if (((ox >= OW) || (oy >= OH))) {
    return;
  }
  var po_plane: i32 = (0i + ((c * H) * W));
  var best: i32 = (((2i * oy) * W) + (2i * ox));
  var m: f32 = in[po_plane + best];
  {
    var dy: i32 = 0i;
    loop {
      if !((dy < 2i)) { break; }
      {
        var dx: i32 = 0i;
        loop {
          if !((dx < 2i)) { break; }
          var idx: i32 = (((((2i * oy) + dy) * W) + (2i * ox)) + dx);
          if ((in[po_plane + idx] > m)) {
            m = in[po_plane + idx];
            best = idx;
          }
          continuing {
            dx = (dx + 1i);
          }
        }
      }
      continuing {
        dy = (dy + 1i);
      }
    }
  }
  out[((((c * OH) + oy) * OW) + ox)] = m;
  argmax[((((c * OH) + oy) * OW) + ox)] = best;
}

// ==== kernel avgPool2x2 ====
// kernel avgPool2x2, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) H: i32,
  W: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> in: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;

fn cw_mul32x32(a: u32, b: u32) -> vec2<u32> {
  let al = a & 0xffffu; let ah = a >> 16u; let bl = b & 0xffffu; let bh = b >> 16u;
  let ll = al * bl; let lh = al * bh; let hl = ah * bl;
  let mid = (ll >> 16u) + (lh & 0xffffu) + (hl & 0xffffu);
  return vec2<u32>((ll & 0xffffu) | (mid << 16u), ah * bh + (lh >> 16u) + (hl >> 16u) + (mid >> 16u));
}

fn cw_mul64(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> { let p = cw_mul32x32(a.x, b.x); return vec2<u32>(p.x, p.y + a.x * b.y + a.y * b.x); }

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn avgPool2x2(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var H = cw_p.H;
  var W = cw_p.W;
  var ox: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  var oy: i32 = i32(((cw_bid.y * cw_by) + cw_tid.y));
  var c: i32 = i32(cw_bid.z);
  var OH: i32 = (H >> u32(1i));
  var OW: i32 = (W >> u32(1i));
  if (((ox < OW) && (oy < OH))) {
    var po_p: i32 = (((0i + bitcast<i32>(cw_mul64(cw_mul64(vec2<u32>(bitcast<u32>(c), select(0u, 0xffffffffu, c < 0i)), vec2<u32>(bitcast<u32>(H), select(0u, 0xffffffffu, H < 0i))), vec2<u32>(bitcast<u32>(W), select(0u, 0xffffffffu, W < 0i))).x)) + ((2i * oy) * W)) + (2i * ox));
    out[((((c * OH) + oy) * OW) + ox)] = (0.25f * (((in[po_p + 0i] + in[po_p + 1i]) + in[po_p + W]) + in[po_p + (W + 1i)]));
  }
}

// ==== kernel matVecWarp ====
// kernel matVecWarp, from <source> by cuwasm

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
@group(0) @binding(1) var<storage, read> A: array<f32>;
@group(0) @binding(2) var<storage, read> x: array<f32>;
@group(0) @binding(3) var<storage, read_write> y: array<f32>;
var<workgroup> cw_wx: array<u32, cw_bx * cw_by * cw_bz>;

fn cw_lin(t: vec3<u32>) -> u32 { return t.x + cw_bx * (t.y + cw_by * t.z); }

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn matVecWarp(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var cw_live = true;
  var rows = cw_p.rows;
  var cols = cw_p.cols;
  var row: i32 = i32((((cw_bid.x * cw_bx) + cw_tid.x) >> u32(5i)));
  var lane: i32 = i32((cw_tid.x & 31u));
  if ((row >= rows)) {
    cw_live = false;
  }
  var s: f32 = 0.0f;
  if (cw_live) {
    {
      var c: i32 = lane;
      loop {
        if !((c < cols)) { break; }
        s = (s + (A[((row * cols) + c)] * x[c]));
        continuing {
          c = (c + 32i);
        }
      }
    }
  }
  cw_wx[cw_lin(cw_tid)] = bitcast<u32>(s);
  workgroupBarrier();
  let cw_t0 = cw_lin(cw_tid) % 32u;
  let cw_t2 = u32(16i);
  let cw_t1 = cw_wx[min(cw_lin(cw_tid) - cw_t0 + select(cw_t0, cw_t0 ^ cw_t2, ((cw_t0 ^ cw_t2) - (cw_t0 - cw_t0 % u32(32i))) < u32(32i)), cw_bx * cw_by * cw_bz - 1u)];
  workgroupBarrier();
  s = (s + bitcast<f32>(cw_t1));
  cw_wx[cw_lin(cw_tid)] = bitcast<u32>(s);
  workgroupBarrier();
  let cw_t3 = cw_lin(cw_tid) % 32u;
  let cw_t5 = u32(8i);
  let cw_t4 = cw_wx[min(cw_lin(cw_tid) - cw_t3 + select(cw_t3, cw_t3 ^ cw_t5, ((cw_t3 ^ cw_t5) - (cw_t3 - cw_t3 % u32(32i))) < u32(32i)), cw_bx * cw_by * cw_bz - 1u)];
  workgroupBarrier();
  s = (s + bitcast<f32>(cw_t4));
  cw_wx[cw_lin(cw_tid)] = bitcast<u32>(s);
  workgroupBarrier();
  let cw_t6 = cw_lin(cw_tid) % 32u;
  let cw_t8 = u32(4i);
  let cw_t7 = cw_wx[min(cw_lin(cw_tid) - cw_t6 + select(cw_t6, cw_t6 ^ cw_t8, ((cw_t6 ^ cw_t8) - (cw_t6 - cw_t6 % u32(32i))) < u32(32i)), cw_bx * cw_by * cw_bz - 1u)];
  workgroupBarrier();
  s = (s + bitcast<f32>(cw_t7));
  cw_wx[cw_lin(cw_tid)] = bitcast<u32>(s);
  workgroupBarrier();
  let cw_t9 = cw_lin(cw_tid) % 32u;
  let cw_t11 = u32(2i);
  let cw_t10 = cw_wx[min(cw_lin(cw_tid) - cw_t9 + select(cw_t9, cw_t9 ^ cw_t11, ((cw_t9 ^ cw_t11) - (cw_t9 - cw_t9 % u32(32i))) < u32(32i)), cw_bx * cw_by * cw_bz - 1u)];
  workgroupBarrier();
  s = (s + bitcast<f32>(cw_t10));
  cw_wx[cw_lin(cw_tid)] = bitcast<u32>(s);
  workgroupBarrier();
  let cw_t12 = cw_lin(cw_tid) % 32u;
  let cw_t14 = u32(1i);
  let cw_t13 = cw_wx[min(cw_lin(cw_tid) - cw_t12 + select(cw_t12, cw_t12 ^ cw_t14, ((cw_t12 ^ cw_t14) - (cw_t12 - cw_t12 % u32(32i))) < u32(32i)), cw_bx * cw_by * cw_bz - 1u)];
  workgroupBarrier();
  s = (s + bitcast<f32>(cw_t13));
  if (cw_live) {
    if ((lane == 0i)) {
      y[row] = s;
    }
  }
}

