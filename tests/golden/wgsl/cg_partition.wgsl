// ==== kernel oddEvenSums ====
// not emitted: call to 'cooperative_groups::coalesced_group::shfl_xor<int>', which synchronises the block, under thread-dependent control flow: WGSL needs barriers in uniform control flow

// ==== kernel labelSums ====
// not emitted: call to 'cooperative_groups::coalesced_group::shfl_xor<int>', which synchronises the block, under thread-dependent control flow: WGSL needs barriers in uniform control flow

// ==== kernel tileAsGroup ====
// kernel tileAsGroup, from <source> by cuwasm

struct cooperative_groups_thread_block {
  u___cw_unused: u32,
}

struct cooperative_groups_thread_block_tile_8 {
  u___cw_mask: u32,
  u___cw_meta_rank: u32,
  u___cw_meta_size: u32,
}

struct cooperative_groups_thread_group {
  u___cw_size: u32,
  u___cw_rank: u32,
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
@group(0) @binding(1) var<storage, read_write> out: array<i32>;

fn cooperative_groups_this_thread_block(cw_tid: vec3<u32>, cw_bid: vec3<u32>) -> cooperative_groups_thread_block {
  var b: cooperative_groups_thread_block;
  cooperative_groups_thread_block_cooperative_groups_thread_block_0(cw_tid, cw_bid, 0i, &b);
  return b;
}

fn cooperative_groups_thread_block_cooperative_groups_thread_block_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, cooperative_groups_thread_block>) {
  var po_self = cw_a_self;
  (*cw_r_self).u___cw_unused = 0u;
}

fn cooperative_groups_tiled_partition_8_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_parent: i32, cw_r_parent: ptr<function, cooperative_groups_thread_block>) -> cooperative_groups_thread_block_tile_8 {
  var po_parent = cw_a_parent;
  var u___tmp176: cooperative_groups_thread_block_tile_8;
  var rank: u32 = cooperative_groups_thread_block_thread_rank(cw_tid, cw_bid, (*cw_r_parent));
  var n: u32 = cooperative_groups_thread_block_size(cw_tid, cw_bid, (*cw_r_parent));
  u___tmp176 = cooperative_groups_thread_block_tile_8(0u, 0u, 0u); cooperative_groups_thread_block_tile_8_cooperative_groups_thread_block_tile_8_0(cw_tid, cw_bid, 0i, &u___tmp176, (rank / 8u), (((n + 8u) - 1u) / 8u));
  var t: cooperative_groups_thread_block_tile_8 = u___tmp176;
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

fn cooperative_groups_thread_block_tile_8_cooperative_groups_thread_block_tile_8_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, cooperative_groups_thread_block_tile_8>, cw_a_meta_rank: u32, cw_a_meta_size: u32) {
  var po_self = cw_a_self;
  var meta_rank = cw_a_meta_rank;
  var meta_size = cw_a_meta_size;
  var base: u32 = (cooperative_groups___cw_detail_lane_id(cw_tid, cw_bid) & (~(8u - 1u)));
  (*cw_r_self).u___cw_mask = (cooperative_groups___cw_detail_lane_run(cw_tid, cw_bid, base, 8u) & cooperative_groups___cw_detail_warp_lanes_present(cw_tid, cw_bid));
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

fn cooperative_groups_thread_group_thread_group_8_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, cooperative_groups_thread_group>, cw_a_t: i32, cw_r_t: ptr<function, cooperative_groups_thread_block_tile_8>) {
  var po_self = cw_a_self;
  var po_t = cw_a_t;
  (*cw_r_self).u___cw_size = 8u;
  (*cw_r_self).u___cw_rank = cooperative_groups_thread_block_tile_8_thread_rank(cw_tid, cw_bid, (*cw_r_t));
  (*cw_r_self).u___cw_mask = (*cw_r_t).u___cw_mask;
  (*cw_r_self).u___cw_meta_rank = cooperative_groups_thread_block_tile_8_meta_group_rank(cw_tid, cw_bid, (*cw_r_t));
  (*cw_r_self).u___cw_meta_size = cooperative_groups_thread_block_tile_8_meta_group_size(cw_tid, cw_bid, (*cw_r_t));
}

fn cooperative_groups_thread_block_tile_8_thread_rank(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_v_self: cooperative_groups_thread_block_tile_8) -> u32 {
  var po_self = 0i;
  return (cooperative_groups___cw_detail_lane_id(cw_tid, cw_bid) & (8u - 1u));
}

fn cooperative_groups_thread_block_tile_8_meta_group_rank(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_v_self: cooperative_groups_thread_block_tile_8) -> u32 {
  var po_self = 0i;
  return cw_v_self.u___cw_meta_rank;
}

fn cooperative_groups_thread_block_tile_8_meta_group_size(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_v_self: cooperative_groups_thread_block_tile_8) -> u32 {
  var po_self = 0i;
  return cw_v_self.u___cw_meta_size;
}

fn rankAndSize(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_g: cooperative_groups_thread_group) -> i32 {
  var g = cw_a_g;
  return i32(((cooperative_groups_thread_group_thread_rank(cw_tid, cw_bid, g) * 100u) + cooperative_groups_thread_group_size(cw_tid, cw_bid, g)));
}

fn cooperative_groups_thread_group_thread_rank(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_v_self: cooperative_groups_thread_group) -> u32 {
  var po_self = 0i;
  return cw_v_self.u___cw_rank;
}

fn cooperative_groups_thread_group_size(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_v_self: cooperative_groups_thread_group) -> u32 {
  var po_self = 0i;
  return cw_v_self.u___cw_size;
}

fn cooperative_groups_thread_group_cooperative_groups_thread_group_1_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, cooperative_groups_thread_group>, cw_a_b: i32, cw_r_b: ptr<function, cooperative_groups_thread_block>) {
  var po_self = cw_a_self;
  var po_b = cw_a_b;
  (*cw_r_self).u___cw_size = cooperative_groups_thread_block_size(cw_tid, cw_bid, (*cw_r_b));
  (*cw_r_self).u___cw_rank = cooperative_groups_thread_block_thread_rank(cw_tid, cw_bid, (*cw_r_b));
  (*cw_r_self).u___cw_mask = 0u;
  (*cw_r_self).u___cw_meta_rank = 0u;
  (*cw_r_self).u___cw_meta_size = 1u;
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn tileAsGroup(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var u___tmp177: cooperative_groups_thread_block;
  var u___tmp180: cooperative_groups_thread_group;
  var u___tmp181: cooperative_groups_thread_group;
  var u___tmp182: cooperative_groups_thread_block;
  u___tmp177 = cooperative_groups_this_thread_block(cw_tid, cw_bid);
  var tile: cooperative_groups_thread_block_tile_8 = cooperative_groups_tiled_partition_8_0(cw_tid, cw_bid, 0i, &u___tmp177);
  u___tmp180 = cooperative_groups_thread_group(0u, 0u, 0u, 0u, 0u); cooperative_groups_thread_group_thread_group_8_0(cw_tid, cw_bid, 0i, &u___tmp180, 0i, &tile);
  u___tmp181 = cooperative_groups_thread_group(0u, 0u, 0u, 0u, 0u); u___tmp182 = cooperative_groups_this_thread_block(cw_tid, cw_bid); cooperative_groups_thread_group_cooperative_groups_thread_group_1_0(cw_tid, cw_bid, 0i, &u___tmp181, 0i, &u___tmp182);
  out[cw_tid.x] = (rankAndSize(cw_tid, cw_bid, u___tmp180) + (rankAndSize(cw_tid, cw_bid, u___tmp181) * 1000i));
}

