// ==== kernel halfMinMax ====
// kernel halfMinMax, from <source> by cuwasm

enable f16; // __half: needs an adapter with shader-f16

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read_write> out: array<atomic<u32>>;

fn cw_f32_bits(b: u32) -> f32 { return bitcast<f32>(b); }

fn cw_half_as_ushort(h: f16) -> u32 { return pack2x16float(vec2<f32>(f32(h), 0.0)); }

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
fn halfMinMax(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var i: i32 = i32(cw_tid.x);
  var a: f16 = f16(sample(cw_tid, cw_bid, (i & 7i)));
  var b: f16 = f16(sample(cw_tid, cw_bid, (i >> u32(3i))));
  let cw_t0 = u32(0i + ((4i * i) + 0i));
  let cw_t1 = ((cw_t0 % 2u) * 16u);
  atomicAnd(&out[(cw_t0 / 2u)], ~(0xffffu << cw_t1)); atomicOr(&out[(cw_t0 / 2u)], (u32(cw_half_as_ushort(max(a, b))) & 0xffffu) << cw_t1);
  let cw_t2 = u32(0i + ((4i * i) + 1i));
  let cw_t3 = ((cw_t2 % 2u) * 16u);
  atomicAnd(&out[(cw_t2 / 2u)], ~(0xffffu << cw_t3)); atomicOr(&out[(cw_t2 / 2u)], (u32(cw_half_as_ushort(min(a, b))) & 0xffffu) << cw_t3);
  var p: vec2<f16> = vec2<f16>(a, b);
  var q: vec2<f16> = vec2<f16>(b, a);
  let cw_t4 = u32(0i + ((4i * i) + 2i));
  let cw_t5 = ((cw_t4 % 2u) * 16u);
  atomicAnd(&out[(cw_t4 / 2u)], ~(0xffffu << cw_t5)); atomicOr(&out[(cw_t4 / 2u)], (u32(cw_half_as_ushort((max(p, q)).y)) & 0xffffu) << cw_t5);
  let cw_t6 = u32(0i + ((4i * i) + 3i));
  let cw_t7 = ((cw_t6 % 2u) * 16u);
  atomicAnd(&out[(cw_t6 / 2u)], ~(0xffffu << cw_t7)); atomicOr(&out[(cw_t6 / 2u)], (u32(cw_half_as_ushort((min(p, q)).y)) & 0xffffu) << cw_t7);
}

