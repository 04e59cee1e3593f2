// ==== kernel halfCompare ====
// kernel halfCompare, from <source> by cuwasm

enable f16; // __half: needs an adapter with shader-f16

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read_write> out: array<i32>;

fn cw_f32_bits(b: u32) -> f32 { return bitcast<f32>(b); }

fn cw_hne(a: f16, b: f16) -> bool { return a < b || a > b; }

fn sample(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_k: i32) -> f32 {
  var k = cw_a_k;
  switch (k) {
    case 0i: {
      return cw_f32_bits(2143289344u);
    }
    case 1i: {
      return (-cw_f32_bits(2139095040u));
    }
    case 2i: {
      return (-1.5f);
    }
    case 3i: {
      return -0.0f;
    }
    case 4i: {
      return 0.0f;
    }
    case 5i: {
      return 1.5f;
    }
    case 6i: {
      return 2.0f;
    }
    case default: {
      return cw_f32_bits(2139095040u);
    }
  }
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn halfCompare(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var u___tmp8: vec2<f16>;
  var u___tmp9: vec2<f16>;
  var u___tmp10: vec2<f16>;
  var u___tmp11: vec2<f16>;
  var i: i32 = i32(cw_tid.x);
  var a: f16 = f16(sample(cw_tid, cw_bid, (i & 7i)));
  var b: f16 = f16(sample(cw_tid, cw_bid, (i >> u32(3i))));
  var p: vec2<f16> = vec2<f16>(a, f16(1.0f));
  var q: vec2<f16> = vec2<f16>(b, f16(3.0f));
  var m: i32 = 0i;
  m = (m | (i32((a == b)) << u32(0i)));
  m = (m | (i32(cw_hne(a, b)) << u32(1i)));
  m = (m | (i32((a < b)) << u32(2i)));
  m = (m | (i32((a <= b)) << u32(3i)));
  m = (m | (i32((a > b)) << u32(4i)));
  m = (m | (i32((a >= b)) << u32(5i)));
  m = (m | (i32((a == b)) << u32(6i)));
  m = (m | (i32((a != b)) << u32(7i)));
  m = (m | (i32((a < b)) << u32(8i)));
  m = (m | (i32((a >= b)) << u32(9i)));
  u___tmp9 = p;
  u___tmp8 = q;
  m = (m | (i32((!(((u___tmp9).x == (u___tmp8).x)) && !(((u___tmp9).y == (u___tmp8).y)))) << u32(10i)));
  u___tmp11 = p;
  u___tmp10 = q;
  m = (m | (i32((((u___tmp11).x < (u___tmp10).x) && ((u___tmp11).y < (u___tmp10).y))) << u32(11i)));
  m = (m | (i32((a != a)) << u32(12i)));
  out[i] = m;
}

