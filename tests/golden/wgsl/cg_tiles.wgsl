// ==== kernel segmentedSums ====
// kernel segmentedSums, from <source> by cuwasm

struct cooperative_groups_thread_block {
  u___cw_unused: u32,
}

struct cooperative_groups_thread_block_tile_16 {
  u___cw_mask: u32,
  u___cw_meta_rank: u32,
  u___cw_meta_size: u32,
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
var<workgroup> cw_wx: array<u32, cw_bx * cw_by * cw_bz>;

fn cw_lin(t: vec3<u32>) -> u32 { return t.x + cw_bx * (t.y + cw_by * t.z); }

fn cooperative_groups_this_thread_block(cw_tid: vec3<u32>, cw_bid: vec3<u32>) -> cooperative_groups_thread_block {
  var b: cooperative_groups_thread_block;
  cooperative_groups_thread_block_cooperative_groups_thread_block_0(cw_tid, cw_bid, 0i, &b);
  return b;
}

fn cooperative_groups_thread_block_cooperative_groups_thread_block_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, cooperative_groups_thread_block>) {
  var po_self = cw_a_self;
  (*cw_r_self).u___cw_unused = 0u;
}

fn cooperative_groups_tiled_partition_16_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_parent: i32, cw_r_parent: ptr<function, cooperative_groups_thread_block>) -> cooperative_groups_thread_block_tile_16 {
  var po_parent = cw_a_parent;
  var u___tmp104: cooperative_groups_thread_block_tile_16;
  var rank: u32 = cooperative_groups_thread_block_thread_rank(cw_tid, cw_bid, (*cw_r_parent));
  var n: u32 = cooperative_groups_thread_block_size(cw_tid, cw_bid, (*cw_r_parent));
  u___tmp104 = cooperative_groups_thread_block_tile_16(0u, 0u, 0u);
  cooperative_groups_thread_block_tile_16_cooperative_groups_thread_block_tile_16_0(cw_tid, cw_bid, 0i, &u___tmp104, (rank / 16u), (((n + 16u) - 1u) / 16u));
  var t: cooperative_groups_thread_block_tile_16 = u___tmp104;
  return t;
}

fn cooperative_groups_thread_block_thread_rank(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_v_self: cooperative_groups_thread_block) -> u32 {
  var po_self = 0i;
  return cooperative_groups___cw_detail_block_rank(cw_tid, cw_bid);
}

fn cooperative_groups___cw_detail_block_rank(cw_tid: vec3<u32>, cw_bid: vec3<u32>) -> u32 {
  return ((((cw_tid.z * cw_by) + cw_tid.y) * cw_bx) + cw_tid.x);
}

fn cooperative_groups_thread_block_size(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_v_self: cooperative_groups_thread_block) -> u32 {
  var po_self = 0i;
  return cooperative_groups___cw_detail_block_size(cw_tid, cw_bid);
}

fn cooperative_groups___cw_detail_block_size(cw_tid: vec3<u32>, cw_bid: vec3<u32>) -> u32 {
  return ((cw_bx * cw_by) * cw_bz);
}

fn cooperative_groups_thread_block_tile_16_cooperative_groups_thread_block_tile_16_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, cooperative_groups_thread_block_tile_16>, cw_a_meta_rank: u32, cw_a_meta_size: u32) {
  var po_self = cw_a_self;
  var meta_rank = cw_a_meta_rank;
  var meta_size = cw_a_meta_size;
  var base: u32 = (cooperative_groups___cw_detail_lane_id(cw_tid, cw_bid) & (~(16u - 1u)));
  (*cw_r_self).u___cw_mask = (cooperative_groups___cw_detail_lane_run(cw_tid, cw_bid, base, 16u) & cooperative_groups___cw_detail_warp_lanes_present(cw_tid, cw_bid));
  (*cw_r_self).u___cw_meta_rank = meta_rank;
  (*cw_r_self).u___cw_meta_size = meta_size;
}

fn cooperative_groups___cw_detail_lane_id(cw_tid: vec3<u32>, cw_bid: vec3<u32>) -> u32 {
  return (cooperative_groups___cw_detail_block_rank(cw_tid, cw_bid) & 31u);
}

fn cooperative_groups___cw_detail_lane_run(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_base: u32, cw_a_size: u32) -> u32 {
  var base = cw_a_base;
  var size = cw_a_size;
  return ((4294967295u >> (32u - size)) << base);
}

fn cooperative_groups___cw_detail_warp_lanes_present(cw_tid: vec3<u32>, cw_bid: vec3<u32>) -> u32 {
  var warp_base: u32 = (cooperative_groups___cw_detail_block_rank(cw_tid, cw_bid) & (~31u));
  var n: u32 = (cooperative_groups___cw_detail_block_size(cw_tid, cw_bid) - warp_base);
  return select(((1u << n) - 1u), 4294967295u, (n >= 32u));
}

fn cooperative_groups_thread_block_tile_16_size_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, cooperative_groups_thread_block_tile_16>) -> u32 {
  var po_self = cw_a_self;
  return 16u;
}

fn cooperative_groups_thread_block_tile_16_shfl_xor_int_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, cooperative_groups_thread_block_tile_16>, cw_a_var: i32, cw_a_lane_mask: u32) -> i32 {
  var po_self = cw_a_self;
  var u_var = cw_a_var;
  var lane_mask = cw_a_lane_mask;
  cw_wx[cw_lin(cw_tid)] = bitcast<u32>(u_var);
  workgroupBarrier();
  let cw_t0 = cw_lin(cw_tid) % 32u;
  let cw_t2 = u32(i32(lane_mask));
  let cw_t1 = cw_wx[min(cw_lin(cw_tid) - cw_t0 + select(cw_t0, cw_t0 ^ cw_t2, ((cw_t0 ^ cw_t2) - (cw_t0 - cw_t0 % u32(16i))) < u32(16i)), cw_bx * cw_by * cw_bz - 1u)];
  workgroupBarrier();
  return bitcast<i32>(cw_t1);
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn segmentedSums(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var block: cooperative_groups_thread_block = cooperative_groups_this_thread_block(cw_tid, cw_bid);
  var tile16: cooperative_groups_thread_block_tile_16 = cooperative_groups_tiled_partition_16_0(cw_tid, cw_bid, 0i, &block);
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  var v: i32 = in[i];
  {
    var mask: i32 = i32((cooperative_groups_thread_block_tile_16_size_0(cw_tid, cw_bid, 0i, &tile16) / 2u));
    loop {
      if !((mask > 0i)) { break; }
      v = (v + cooperative_groups_thread_block_tile_16_shfl_xor_int_0(cw_tid, cw_bid, 0i, &tile16, v, u32(mask)));
      continuing {
        mask = (mask >> u32(1i));
      }
    }
  }
  out[i] = v;
}

// ==== kernel tileVotes ====
// kernel tileVotes, from <source> by cuwasm

struct cooperative_groups_thread_block {
  u___cw_unused: u32,
}

struct cooperative_groups_thread_block_tile_4 {
  u___cw_mask: u32,
  u___cw_meta_rank: u32,
  u___cw_meta_size: u32,
}

struct cooperative_groups_thread_block_tile_32 {
  u___cw_mask: u32,
  u___cw_meta_rank: u32,
  u___cw_meta_size: u32,
}

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> flags: array<u32>;
var<workgroup> cw_wx: array<u32, cw_bx * cw_by * cw_bz>;

fn cw_lin(t: vec3<u32>) -> u32 { return t.x + cw_bx * (t.y + cw_by * t.z); }

fn cw_warp_mask(t: vec3<u32>) -> u32 {
  let n = min(32u, cw_bx * cw_by * cw_bz - (cw_lin(t) - cw_lin(t) % 32u));
  return select((1u << n) - 1u, 0xffffffffu, n == 32u);
}

fn cooperative_groups_this_thread_block(cw_tid: vec3<u32>, cw_bid: vec3<u32>) -> cooperative_groups_thread_block {
  var b: cooperative_groups_thread_block;
  cooperative_groups_thread_block_cooperative_groups_thread_block_0(cw_tid, cw_bid, 0i, &b);
  return b;
}

fn cooperative_groups_thread_block_cooperative_groups_thread_block_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, cooperative_groups_thread_block>) {
  var po_self = cw_a_self;
  (*cw_r_self).u___cw_unused = 0u;
}

fn cooperative_groups_tiled_partition_4_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_parent: i32, cw_r_parent: ptr<function, cooperative_groups_thread_block>) -> cooperative_groups_thread_block_tile_4 {
  var po_parent = cw_a_parent;
  var u___tmp136: cooperative_groups_thread_block_tile_4;
  var rank: u32 = cooperative_groups_thread_block_thread_rank(cw_tid, cw_bid, (*cw_r_parent));
  var n: u32 = cooperative_groups_thread_block_size(cw_tid, cw_bid, (*cw_r_parent));
  u___tmp136 = cooperative_groups_thread_block_tile_4(0u, 0u, 0u);
  cooperative_groups_thread_block_tile_4_cooperative_groups_thread_block_tile_4_0(cw_tid, cw_bid, 0i, &u___tmp136, (rank / 4u), (((n + 4u) - 1u) / 4u));
  var t: cooperative_groups_thread_block_tile_4 = u___tmp136;
  return t;
}

fn cooperative_groups_thread_block_thread_rank(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_v_self: cooperative_groups_thread_block) -> u32 {
  var po_self = 0i;
  return cooperative_groups___cw_detail_block_rank(cw_tid, cw_bid);
}

fn cooperative_groups___cw_detail_block_rank(cw_tid: vec3<u32>, cw_bid: vec3<u32>) -> u32 {
  return ((((cw_tid.z * cw_by) + cw_tid.y) * cw_bx) + cw_tid.x);
}

fn cooperative_groups_thread_block_size(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_v_self: cooperative_groups_thread_block) -> u32 {
  var po_self = 0i;
  return cooperative_groups___cw_detail_block_size(cw_tid, cw_bid);
}

fn cooperative_groups___cw_detail_block_size(cw_tid: vec3<u32>, cw_bid: vec3<u32>) -> u32 {
  return ((cw_bx * cw_by) * cw_bz);
}

fn cooperative_groups_thread_block_tile_4_cooperative_groups_thread_block_tile_4_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, cooperative_groups_thread_block_tile_4>, cw_a_meta_rank: u32, cw_a_meta_size: u32) {
  var po_self = cw_a_self;
  var meta_rank = cw_a_meta_rank;
  var meta_size = cw_a_meta_size;
  var base: u32 = (cooperative_groups___cw_detail_lane_id(cw_tid, cw_bid) & (~(4u - 1u)));
  (*cw_r_self).u___cw_mask = (cooperative_groups___cw_detail_lane_run(cw_tid, cw_bid, base, 4u) & cooperative_groups___cw_detail_warp_lanes_present(cw_tid, cw_bid));
  (*cw_r_self).u___cw_meta_rank = meta_rank;
  (*cw_r_self).u___cw_meta_size = meta_size;
}

fn cooperative_groups___cw_detail_lane_id(cw_tid: vec3<u32>, cw_bid: vec3<u32>) -> u32 {
  return (cooperative_groups___cw_detail_block_rank(cw_tid, cw_bid) & 31u);
}

fn cooperative_groups___cw_detail_lane_run(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_base: u32, cw_a_size: u32) -> u32 {
  var base = cw_a_base;
  var size = cw_a_size;
  return ((4294967295u >> (32u - size)) << base);
}

fn cooperative_groups___cw_detail_warp_lanes_present(cw_tid: vec3<u32>, cw_bid: vec3<u32>) -> u32 {
  var warp_base: u32 = (cooperative_groups___cw_detail_block_rank(cw_tid, cw_bid) & (~31u));
  var n: u32 = (cooperative_groups___cw_detail_block_size(cw_tid, cw_bid) - warp_base);
  return select(((1u << n) - 1u), 4294967295u, (n >= 32u));
}

fn cooperative_groups_tiled_partition_32_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_parent: i32, cw_r_parent: ptr<function, cooperative_groups_thread_block>) -> cooperative_groups_thread_block_tile_32 {
  var po_parent = cw_a_parent;
  var u___tmp159: cooperative_groups_thread_block_tile_32;
  var rank: u32 = cooperative_groups_thread_block_thread_rank(cw_tid, cw_bid, (*cw_r_parent));
  var n: u32 = cooperative_groups_thread_block_size(cw_tid, cw_bid, (*cw_r_parent));
  u___tmp159 = cooperative_groups_thread_block_tile_32(0u, 0u, 0u);
  cooperative_groups_thread_block_tile_32_cooperative_groups_thread_block_tile_32_0(cw_tid, cw_bid, 0i, &u___tmp159, (rank / 32u), (((n + 32u) - 1u) / 32u));
  var t: cooperative_groups_thread_block_tile_32 = u___tmp159;
  return t;
}

fn cooperative_groups_thread_block_tile_32_cooperative_groups_thread_block_tile_32_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, cooperative_groups_thread_block_tile_32>, cw_a_meta_rank: u32, cw_a_meta_size: u32) {
  var po_self = cw_a_self;
  var meta_rank = cw_a_meta_rank;
  var meta_size = cw_a_meta_size;
  var base: u32 = (cooperative_groups___cw_detail_lane_id(cw_tid, cw_bid) & (~(32u - 1u)));
  (*cw_r_self).u___cw_mask = (cooperative_groups___cw_detail_lane_run(cw_tid, cw_bid, base, 32u) & cooperative_groups___cw_detail_warp_lanes_present(cw_tid, cw_bid));
  (*cw_r_self).u___cw_meta_rank = meta_rank;
  (*cw_r_self).u___cw_meta_size = meta_size;
}

fn cooperative_groups_thread_block_thread_rank_1(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, cooperative_groups_thread_block>) -> u32 {
  var po_self = cw_a_self;
  return cooperative_groups___cw_detail_block_rank(cw_tid, cw_bid);
}

fn cooperative_groups_thread_block_tile_4_any_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, cooperative_groups_thread_block_tile_4>, cw_a_predicate: i32) -> i32 {
  var po_self = cw_a_self;
  var predicate = cw_a_predicate;
  let cw_t0 = (*cw_r_self).u___cw_mask;
  cw_wx[cw_lin(cw_tid)] = bitcast<u32>(predicate);
  workgroupBarrier();
  let cw_t2 = cw_lin(cw_tid) - cw_lin(cw_tid) % 32u;
  var cw_t1 = 0u;
  for (var cw_l = 0u; cw_l < 32u && cw_t2 + cw_l < cw_bx * cw_by * cw_bz; cw_l++) {
    if (((cw_t0 >> cw_l) & 1u) != 0u) { cw_t1 = cw_t1 | (select(0u, 1u, cw_wx[cw_t2 + cw_l] != 0u) << cw_l); }
  }
  workgroupBarrier();
  return select(0i, 1i, cw_t1 != 0u);
}

fn cooperative_groups_thread_block_tile_4_all_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, cooperative_groups_thread_block_tile_4>, cw_a_predicate: i32) -> i32 {
  var po_self = cw_a_self;
  var predicate = cw_a_predicate;
  let cw_t3 = (*cw_r_self).u___cw_mask;
  cw_wx[cw_lin(cw_tid)] = bitcast<u32>(predicate);
  workgroupBarrier();
  let cw_t5 = cw_lin(cw_tid) - cw_lin(cw_tid) % 32u;
  var cw_t4 = 0u;
  for (var cw_l = 0u; cw_l < 32u && cw_t5 + cw_l < cw_bx * cw_by * cw_bz; cw_l++) {
    if (((cw_t3 >> cw_l) & 1u) != 0u) { cw_t4 = cw_t4 | (select(0u, 1u, cw_wx[cw_t5 + cw_l] != 0u) << cw_l); }
  }
  workgroupBarrier();
  return select(0i, 1i, cw_t4 == (cw_t3 & cw_warp_mask(cw_tid)));
}

fn cooperative_groups_thread_block_tile_32_ballot_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, cooperative_groups_thread_block_tile_32>, cw_a_predicate: i32) -> u32 {
  var po_self = cw_a_self;
  var predicate = cw_a_predicate;
  let cw_t6 = (*cw_r_self).u___cw_mask;
  cw_wx[cw_lin(cw_tid)] = bitcast<u32>(predicate);
  workgroupBarrier();
  let cw_t8 = cw_lin(cw_tid) - cw_lin(cw_tid) % 32u;
  var cw_t7 = 0u;
  for (var cw_l = 0u; cw_l < 32u && cw_t8 + cw_l < cw_bx * cw_by * cw_bz; cw_l++) {
    if (((cw_t6 >> cw_l) & 1u) != 0u) { cw_t7 = cw_t7 | (select(0u, 1u, cw_wx[cw_t8 + cw_l] != 0u) << cw_l); }
  }
  workgroupBarrier();
  return (cw_t7 >> cooperative_groups_thread_block_tile_32___cw_base(cw_tid, cw_bid, (*cw_r_self)));
}

fn cooperative_groups_thread_block_tile_32___cw_base(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_v_self: cooperative_groups_thread_block_tile_32) -> u32 {
  var po_self = 0i;
  return (cooperative_groups___cw_detail_lane_id(cw_tid, cw_bid) & (~(32u - 1u)));
}

fn cooperative_groups_thread_block_tile_4_thread_rank_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, cooperative_groups_thread_block_tile_4>) -> u32 {
  var po_self = cw_a_self;
  return (cooperative_groups___cw_detail_lane_id(cw_tid, cw_bid) & (4u - 1u));
}

fn cooperative_groups_thread_block_tile_32_thread_rank_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, cooperative_groups_thread_block_tile_32>) -> u32 {
  var po_self = cw_a_self;
  return (cooperative_groups___cw_detail_lane_id(cw_tid, cw_bid) & (32u - 1u));
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn tileVotes(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var block: cooperative_groups_thread_block = cooperative_groups_this_thread_block(cw_tid, cw_bid);
  var quad: cooperative_groups_thread_block_tile_4 = cooperative_groups_tiled_partition_4_0(cw_tid, cw_bid, 0i, &block);
  var warp: cooperative_groups_thread_block_tile_32 = cooperative_groups_tiled_partition_32_0(cw_tid, cw_bid, 0i, &block);
  var i: i32 = i32(cooperative_groups_thread_block_thread_rank_1(cw_tid, cw_bid, 0i, &block));
  var big: bool = (x[i] > 0.5f);
  var anyBig: i32 = cooperative_groups_thread_block_tile_4_any_0(cw_tid, cw_bid, 0i, &quad, i32(big));
  var allBig: i32 = cooperative_groups_thread_block_tile_4_all_0(cw_tid, cw_bid, 0i, &quad, i32(big));
  var ballot: u32 = cooperative_groups_thread_block_tile_32_ballot_0(cw_tid, cw_bid, 0i, &warp, i32(big));
  if ((cooperative_groups_thread_block_tile_4_thread_rank_0(cw_tid, cw_bid, 0i, &quad) == 0u)) {
    flags[(i / 4i)] = (u32(anyBig) | (u32(allBig) << u32(1i)));
  }
  if (((cooperative_groups_thread_block_tile_32_thread_rank_0(cw_tid, cw_bid, 0i, &warp) == 0u) && (i == 0i))) {
    flags[16i] = ballot;
  }
}

// ==== kernel broadcastLeader ====
// kernel broadcastLeader, from <source> by cuwasm

struct cooperative_groups_thread_block {
  u___cw_unused: u32,
}

struct cooperative_groups_thread_group {
  u___cw_size: u32,
  u___cw_mask: u32,
  u___cw_meta_rank: u32,
  u___cw_meta_size: u32,
}

struct cooperative_groups_thread_block_tile_8 {
  u___cw_mask: u32,
  u___cw_meta_rank: u32,
  u___cw_meta_size: u32,
}

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> in: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;
var<workgroup> cw_wx: array<u32, cw_bx * cw_by * cw_bz>;

fn cw_lin(t: vec3<u32>) -> u32 { return t.x + cw_bx * (t.y + cw_by * t.z); }

fn cooperative_groups_this_thread_block(cw_tid: vec3<u32>, cw_bid: vec3<u32>) -> cooperative_groups_thread_block {
  var b: cooperative_groups_thread_block;
  cooperative_groups_thread_block_cooperative_groups_thread_block_0(cw_tid, cw_bid, 0i, &b);
  return b;
}

fn cooperative_groups_thread_block_cooperative_groups_thread_block_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, cooperative_groups_thread_block>) {
  var po_self = cw_a_self;
  (*cw_r_self).u___cw_unused = 0u;
}

fn cooperative_groups_tiled_partition_1_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_parent: i32, cw_r_parent: ptr<function, cooperative_groups_thread_block>, cw_a_tile_size: u32) -> cooperative_groups_thread_group {
  var po_parent = cw_a_parent;
  var tile_size = cw_a_tile_size;
  var u___tmp65: cooperative_groups_thread_group;
  var u___tmp66: cooperative_groups_thread_group;
  u___tmp65 = cooperative_groups_thread_group(0u, 0u, 0u, 0u);
  cooperative_groups_thread_group_cooperative_groups_thread_group_1_0(cw_tid, cw_bid, 0i, &u___tmp65, (*cw_r_parent));
  u___tmp66 = u___tmp65;
  return cooperative_groups_tiled_partition_0(cw_tid, cw_bid, 0i, &u___tmp66, tile_size);
}

fn cooperative_groups_thread_group_cooperative_groups_thread_group_1_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, cooperative_groups_thread_group>, cw_v_b: cooperative_groups_thread_block) {
  var po_self = cw_a_self;
  var po_b = 0i;
  (*cw_r_self).u___cw_size = cooperative_groups_thread_block_size(cw_tid, cw_bid, cw_v_b);
  (*cw_r_self).u___cw_mask = 0u;
  (*cw_r_self).u___cw_meta_rank = 0u;
  (*cw_r_self).u___cw_meta_size = 1u;
}

fn cooperative_groups_thread_block_size(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_v_self: cooperative_groups_thread_block) -> u32 {
  var po_self = 0i;
  return cooperative_groups___cw_detail_block_size(cw_tid, cw_bid);
}

fn cooperative_groups___cw_detail_block_size(cw_tid: vec3<u32>, cw_bid: vec3<u32>) -> u32 {
  return ((cw_bx * cw_by) * cw_bz);
}

fn cooperative_groups_tiled_partition_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_parent: i32, cw_r_parent: ptr<function, cooperative_groups_thread_group>, cw_a_tile_size: u32) -> cooperative_groups_thread_group {
  var po_parent = cw_a_parent;
  var tile_size = cw_a_tile_size;
  var u___tmp62: cooperative_groups_thread_group;
  var ts: u32 = select(tile_size, 1u, (tile_size == 0u));
  var prank: u32 = cooperative_groups_thread_group_thread_rank(cw_tid, cw_bid, (*cw_r_parent));
  var rank: u32 = (prank % ts);
  var mask: u32 = 0u;
  if ((ts <= 32u)) {
    var base: u32 = (cooperative_groups___cw_detail_lane_id(cw_tid, cw_bid) - rank);
    mask = (cooperative_groups___cw_detail_lane_run(cw_tid, cw_bid, base, ts) & cooperative_groups___cw_detail_warp_lanes_present(cw_tid, cw_bid));
  }
  u___tmp62 = cooperative_groups_thread_group(0u, 0u, 0u, 0u);
  cooperative_groups_thread_group_cooperative_groups_thread_group_0(cw_tid, cw_bid, 0i, &u___tmp62, ts, mask, (prank / ts), (((cooperative_groups_thread_group_size(cw_tid, cw_bid, (*cw_r_parent)) + ts) - 1u) / ts));
  var g: cooperative_groups_thread_group = u___tmp62;
  return g;
}

fn cooperative_groups_thread_group_thread_rank(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_v_self: cooperative_groups_thread_group) -> u32 {
  var po_self = 0i;
  if ((cw_v_self.u___cw_mask != 0u)) {
    return u32(i32(countOneBits((cw_v_self.u___cw_mask & ((1u << (cw_lin(cw_tid) % 32u)) - 1u)))));
  }
  return (cooperative_groups___cw_detail_block_rank(cw_tid, cw_bid) % cw_v_self.u___cw_size);
}

fn cooperative_groups___cw_detail_block_rank(cw_tid: vec3<u32>, cw_bid: vec3<u32>) -> u32 {
  return ((((cw_tid.z * cw_by) + cw_tid.y) * cw_bx) + cw_tid.x);
}

fn cooperative_groups___cw_detail_lane_id(cw_tid: vec3<u32>, cw_bid: vec3<u32>) -> u32 {
  return (cooperative_groups___cw_detail_block_rank(cw_tid, cw_bid) & 31u);
}

fn cooperative_groups___cw_detail_lane_run(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_base: u32, cw_a_size: u32) -> u32 {
  var base = cw_a_base;
  var size = cw_a_size;
  return ((4294967295u >> (32u - size)) << base);
}

fn cooperative_groups___cw_detail_warp_lanes_present(cw_tid: vec3<u32>, cw_bid: vec3<u32>) -> u32 {
  var warp_base: u32 = (cooperative_groups___cw_detail_block_rank(cw_tid, cw_bid) & (~31u));
  var n: u32 = (cooperative_groups___cw_detail_block_size(cw_tid, cw_bid) - warp_base);
  return select(((1u << n) - 1u), 4294967295u, (n >= 32u));
}

fn cooperative_groups_thread_group_size(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_v_self: cooperative_groups_thread_group) -> u32 {
  var po_self = 0i;
  return cw_v_self.u___cw_size;
}

fn cooperative_groups_thread_group_cooperative_groups_thread_group_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, cooperative_groups_thread_group>, cw_a_size: u32, cw_a_mask: u32, cw_a_meta_rank: u32, cw_a_meta_size: u32) {
  var po_self = cw_a_self;
  var size = cw_a_size;
  var mask = cw_a_mask;
  var meta_rank = cw_a_meta_rank;
  var meta_size = cw_a_meta_size;
  (*cw_r_self).u___cw_size = size;
  (*cw_r_self).u___cw_mask = mask;
  (*cw_r_self).u___cw_meta_rank = meta_rank;
  (*cw_r_self).u___cw_meta_size = meta_size;
}

fn cooperative_groups_tiled_partition_8_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_parent: i32, cw_r_parent: ptr<function, cooperative_groups_thread_block>) -> cooperative_groups_thread_block_tile_8 {
  var po_parent = cw_a_parent;
  var u___tmp191: cooperative_groups_thread_block_tile_8;
  var rank: u32 = cooperative_groups_thread_block_thread_rank(cw_tid, cw_bid, (*cw_r_parent));
  var n: u32 = cooperative_groups_thread_block_size(cw_tid, cw_bid, (*cw_r_parent));
  u___tmp191 = cooperative_groups_thread_block_tile_8(0u, 0u, 0u);
  cooperative_groups_thread_block_tile_8_cooperative_groups_thread_block_tile_8_0(cw_tid, cw_bid, 0i, &u___tmp191, (rank / 8u), (((n + 8u) - 1u) / 8u));
  var t: cooperative_groups_thread_block_tile_8 = u___tmp191;
  return t;
}

fn cooperative_groups_thread_block_thread_rank(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_v_self: cooperative_groups_thread_block) -> u32 {
  var po_self = 0i;
  return cooperative_groups___cw_detail_block_rank(cw_tid, cw_bid);
}

fn cooperative_groups_thread_block_tile_8_cooperative_groups_thread_block_tile_8_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, cooperative_groups_thread_block_tile_8>, cw_a_meta_rank: u32, cw_a_meta_size: u32) {
  var po_self = cw_a_self;
  var meta_rank = cw_a_meta_rank;
  var meta_size = cw_a_meta_size;
  var base: u32 = (cooperative_groups___cw_detail_lane_id(cw_tid, cw_bid) & (~(8u - 1u)));
  (*cw_r_self).u___cw_mask = (cooperative_groups___cw_detail_lane_run(cw_tid, cw_bid, base, 8u) & cooperative_groups___cw_detail_warp_lanes_present(cw_tid, cw_bid));
  (*cw_r_self).u___cw_meta_rank = meta_rank;
  (*cw_r_self).u___cw_meta_size = meta_size;
}

fn cooperative_groups_thread_block_tile_8_shfl_float_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, cooperative_groups_thread_block_tile_8>, cw_a_var: f32, cw_a_src_rank: u32) -> f32 {
  var po_self = cw_a_self;
  var u_var = cw_a_var;
  var src_rank = cw_a_src_rank;
  cw_wx[cw_lin(cw_tid)] = bitcast<u32>(u_var);
  workgroupBarrier();
  let cw_t0 = cw_lin(cw_tid) % 32u;
  let cw_t2 = u32(i32(src_rank));
  let cw_t1 = cw_wx[min(cw_lin(cw_tid) - cw_t0 + ((cw_t0 - cw_t0 % u32(8i)) + cw_t2 % u32(8i)), cw_bx * cw_by * cw_bz - 1u)];
  workgroupBarrier();
  return bitcast<f32>(cw_t1);
}

fn cooperative_groups_thread_group_sync_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, cooperative_groups_thread_group>) {
  var po_self = cw_a_self;
  storageBarrier();
  workgroupBarrier();
}

fn cooperative_groups_thread_group_thread_rank_1(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, cooperative_groups_thread_group>) -> u32 {
  var po_self = cw_a_self;
  if (((*cw_r_self).u___cw_mask != 0u)) {
    return u32(i32(countOneBits(((*cw_r_self).u___cw_mask & ((1u << (cw_lin(cw_tid) % 32u)) - 1u)))));
  }
  return (cooperative_groups___cw_detail_block_rank(cw_tid, cw_bid) % (*cw_r_self).u___cw_size);
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn broadcastLeader(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var block: cooperative_groups_thread_block = cooperative_groups_this_thread_block(cw_tid, cw_bid);
  var g: cooperative_groups_thread_group = cooperative_groups_tiled_partition_1_0(cw_tid, cw_bid, 0i, &block, 32u);
  var oct: cooperative_groups_thread_block_tile_8 = cooperative_groups_tiled_partition_8_0(cw_tid, cw_bid, 0i, &block);
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  var leader: f32 = cooperative_groups_thread_block_tile_8_shfl_float_0(cw_tid, cw_bid, 0i, &oct, in[i], 0u);
  cooperative_groups_thread_group_sync_0(cw_tid, cw_bid, 0i, &g);
  out[i] = (leader + f32(cooperative_groups_thread_group_thread_rank_1(cw_tid, cw_bid, 0i, &g)));
}

