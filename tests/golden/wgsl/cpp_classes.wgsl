// ==== kernel classKernel ====
// not emitted: the WGSL target supports pointers to whole variables and to elements of one-dimensional arrays only

// ==== kernel rangeKernel ====
// not emitted: the WGSL target supports pointers to whole variables and to elements of one-dimensional arrays only

// ==== kernel bitsKernel ====
// kernel bitsKernel, from <source> by cuwasm

struct Packed {
  lo: u32,
  mid: u32,
  sgn: i32,
  tail: u32,
  wide: u32,
  top: u32,
}

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> in: array<i32>;
@group(0) @binding(2) var<storage, read_write> out: array<i32>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn bitsKernel(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var i: i32 = i32(cw_tid.x);
  var p: Packed = Packed(0u, 0u, 0i, 0u, 0u, 0u);
  p.lo = extractBits(u32(in[i]), 0u, 3u);
  p.mid = extractBits(31u, 0u, 5u);
  p.mid = extractBits((p.mid + 2u), 0u, 5u);
  p.sgn = extractBits((-(i % 8i)), 0u, 4u);
  p.tail = 7u;
  p.wide = extractBits(u32(i), 0u, 30u);
  p.top = extractBits(15u, 0u, 4u);
  out[i] = i32((((((((p.lo * 1000u) + (p.mid * 100u)) + u32(p.sgn)) + u32((12i * 100000i))) + (p.wide * 10000000u)) + (p.top * 10u)) + p.tail));
}

