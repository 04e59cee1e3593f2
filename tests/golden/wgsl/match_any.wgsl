// ==== kernel groupedHistogram ====
// kernel groupedHistogram, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) n: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> keys: array<i32>;
@group(0) @binding(2) var<storage, read_write> hist: array<atomic<u32>>;
var<workgroup> cw_wx: array<u32, cw_bx * cw_by * cw_bz>;

fn cw_lin(t: vec3<u32>) -> u32 { return t.x + cw_bx * (t.y + cw_by * t.z); }

fn cw_ffs(x: i32) -> i32 { return select(i32(firstTrailingBit(u32(x))) + 1, 0, x == 0); }

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn groupedHistogram(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  var key: i32 = select((-1i), (keys[i] & 15i), (i < n));
  let cw_t0 = bitcast<u32>(key);
  cw_wx[cw_lin(cw_tid)] = cw_t0;
  workgroupBarrier();
  let cw_t1 = 4294967295u;
  let cw_t3 = cw_lin(cw_tid) - cw_lin(cw_tid) % 32u;
  var cw_t2 = 0u;
  for (var cw_l = 0u; cw_l < 32u && cw_t3 + cw_l < cw_bx * cw_by * cw_bz; cw_l++) {
    if (((cw_t1 >> cw_l) & 1u) != 0u) { cw_t2 = cw_t2 | (select(0u, 1u, cw_wx[cw_t3 + cw_l] == cw_t0) << cw_l); }
  }
  workgroupBarrier();
  var peers: u32 = cw_t2;
  var leader: i32 = (cw_ffs(i32(peers)) - 1i);
  var lane: i32 = i32((cw_tid.x & 31u));
  if (((key >= 0i) && (lane == leader))) {
    _ = atomicAdd(&hist[(0i + key)], u32(countOneBits(peers)));
  }
}

// ==== kernel matchAll ====
// not emitted: the WGSL target does not support '__match_all_sync' yet

