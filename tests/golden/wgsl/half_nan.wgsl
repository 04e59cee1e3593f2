// ==== kernel halfNaN ====
// kernel halfNaN, from <source> by cuwasm

enable f16; // __half: needs an adapter with shader-f16

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) n: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read_write> out: array<atomic<u32>>;

fn cw_f32_bits(b: u32) -> f32 { return bitcast<f32>(b); }

fn cw_half_as_ushort(h: f16) -> u32 { return pack2x16float(vec2<f32>(f32(h), 0.0)); }

fn cw_ushort_as_half(u: u32) -> f16 { return f16(unpack2x16float(u).x); }

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn halfNaN(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  if ((i >= n)) {
    return;
  }
  var mantissa: u32 = (((u32(i) * 7999u) + 1u) | select(0u, 4194304u, ((i & 4i) != 0i)));
  var nan: f32 = cw_f32_bits((select(2139095040u, 4286578688u, ((i & 2i) != 0i)) | mantissa));
  var inf: f16 = cw_ushort_as_half(u32(31744u));
  var ninf: f16 = cw_ushort_as_half(u32(64512u));
  var zero: f16 = f16((f32((i & 8i)) * 0.0f));
  var h: f16 = f16((f32(i) - 20.5f));
  var po_o: i32 = (0i + (10i * i));
  let cw_t0 = u32(po_o + 0i);
  let cw_t1 = ((cw_t0 % 2u) * 16u);
  atomicAnd(&out[(cw_t0 / 2u)], ~(0xffffu << cw_t1)); atomicOr(&out[(cw_t0 / 2u)], (u32(cw_half_as_ushort(f16(nan))) & 0xffffu) << cw_t1);
  let cw_t2 = u32(po_o + 1i);
  let cw_t3 = ((cw_t2 % 2u) * 16u);
  atomicAnd(&out[(cw_t2 / 2u)], ~(0xffffu << cw_t3)); atomicOr(&out[(cw_t2 / 2u)], (u32(cw_half_as_ushort(f16(nan))) & 0xffffu) << cw_t3);
  let cw_t4 = u32(po_o + 2i);
  let cw_t5 = ((cw_t4 % 2u) * 16u);
  atomicAnd(&out[(cw_t4 / 2u)], ~(0xffffu << cw_t5)); atomicOr(&out[(cw_t4 / 2u)], (u32(cw_half_as_ushort((inf - inf))) & 0xffffu) << cw_t5);
  let cw_t6 = u32(po_o + 3i);
  let cw_t7 = ((cw_t6 % 2u) * 16u);
  atomicAnd(&out[(cw_t6 / 2u)], ~(0xffffu << cw_t7)); atomicOr(&out[(cw_t6 / 2u)], (u32(cw_half_as_ushort((inf + ninf))) & 0xffffu) << cw_t7);
  let cw_t8 = u32(po_o + 4i);
  let cw_t9 = ((cw_t8 % 2u) * 16u);
  atomicAnd(&out[(cw_t8 / 2u)], ~(0xffffu << cw_t9)); atomicOr(&out[(cw_t8 / 2u)], (u32(cw_half_as_ushort((zero * select(ninf, inf, ((i & 1i) != 0i))))) & 0xffffu) << cw_t9);
  let cw_t10 = u32(po_o + 5i);
  let cw_t11 = ((cw_t10 % 2u) * 16u);
  atomicAnd(&out[(cw_t10 / 2u)], ~(0xffffu << cw_t11)); atomicOr(&out[(cw_t10 / 2u)], (u32(cw_half_as_ushort((zero / zero))) & 0xffffu) << cw_t11);
  let cw_t12 = u32(po_o + 6i);
  let cw_t13 = ((cw_t12 % 2u) * 16u);
  atomicAnd(&out[(cw_t12 / 2u)], ~(0xffffu << cw_t13)); atomicOr(&out[(cw_t12 / 2u)], (u32(cw_half_as_ushort(fma(inf, zero, h))) & 0xffffu) << cw_t13);
  var p: vec2<f16> = vec2<f16>(inf, h);
  var d: vec2<f16> = (p - p);
  let cw_t14 = u32(po_o + 7i);
  let cw_t15 = ((cw_t14 % 2u) * 16u);
  atomicAnd(&out[(cw_t14 / 2u)], ~(0xffffu << cw_t15)); atomicOr(&out[(cw_t14 / 2u)], (u32(cw_half_as_ushort((d).x)) & 0xffffu) << cw_t15);
  let cw_t16 = u32(po_o + 8i);
  let cw_t17 = ((cw_t16 % 2u) * 16u);
  atomicAnd(&out[(cw_t16 / 2u)], ~(0xffffu << cw_t17)); atomicOr(&out[(cw_t16 / 2u)], (u32(cw_half_as_ushort((d).y)) & 0xffffu) << cw_t17);
  let cw_t18 = u32(po_o + 9i);
  let cw_t19 = ((cw_t18 % 2u) * 16u);
  atomicAnd(&out[(cw_t18 / 2u)], ~(0xffffu << cw_t19)); atomicOr(&out[(cw_t18 / 2u)], (u32(cw_half_as_ushort(f16(cw_f32_bits(select(2139095040u, 4286578688u, ((i & 1i) != 0i)))))) & 0xffffu) << cw_t19);
}

