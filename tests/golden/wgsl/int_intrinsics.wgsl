// ==== kernel bitOps ====
// kernel bitOps, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) n: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> in: array<u32>;
@group(0) @binding(2) var<storage, read_write> out: array<u32>;

fn cw_ffs(x: i32) -> i32 { return select(i32(firstTrailingBit(u32(x))) + 1, 0, x == 0); }

fn cw_byte_perm(x: u32, y: u32, s: u32) -> u32 {
  var r = 0u;
  for (var i = 0u; i < 4u; i++) {
    let sel = (s >> (4u * i)) & 7u;
    let b = select((y >> (8u * (sel - 4u))), (x >> (8u * (sel & 3u))), sel < 4u) & 0xffu;
    r = r | (b << (8u * i));
  }
  return r;
}

fn cw_usad(a: u32, b: u32, c: u32) -> u32 { return select(b - a, a - b, a > b) + c; }

fn cw_uhadd(a: u32, b: u32) -> u32 { return (a >> 1u) + (b >> 1u) + (a & b & 1u); }

fn cw_urhadd(a: u32, b: u32) -> u32 { return (a >> 1u) + (b >> 1u) + ((a | b) & 1u); }

fn cw_funnel_l(lo: u32, hi: u32, s: u32) -> u32 { let n = s & 31u; if (n == 0u) { return hi; } return (hi << n) | (lo >> (32u - n)); }

fn cw_funnel_r(lo: u32, hi: u32, s: u32) -> u32 { let n = s & 31u; if (n == 0u) { return lo; } return (lo >> n) | (hi << (32u - n)); }

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn bitOps(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  if ((i >= n)) {
    return;
  }
  var v: u32 = in[i];
  var po_o: i32 = (0i + (8i * i));
  out[po_o + 0i] = u32(countOneBits(v));
  out[po_o + 1i] = u32(countLeadingZeros(i32(v)));
  out[po_o + 2i] = u32(cw_ffs(i32(v)));
  out[po_o + 3i] = reverseBits(v);
  out[po_o + 4i] = (cw_byte_perm(v, 19088743u, 12816u) ^ cw_byte_perm(v, 0u, 291u));
  out[po_o + 5i] = (cw_funnel_l(v, (v >> u32(3i)), 7u) + cw_funnel_r(v, (~v), 5u));
  out[po_o + 6i] = ((v << u32(13i)) | (v >> u32(19i)));
  out[po_o + 7i] = ((cw_usad((v & 65535u), (v >> u32(16i)), 1u) + cw_uhadd(v, 12345u)) + cw_urhadd(v, 7u));
}

// ==== kernel bitOps64 ====
// not emitted: the WGSL target does not support 64-bit integer 'unsigned long long' (not emulated yet)

// ==== kernel mulOps ====
// not emitted: the WGSL target does not support 64-bit integer 'unsigned long long' (not emulated yet)

