// ==== kernel sum_kernel ====
// kernel sum_kernel, from <source> by cuwasm

struct cooperative_groups_thread_block {
  u___cw_unused: u32,
}

struct cooperative_groups_thread_group {
  u___cw_size: u32,
  u___cw_mask: u32,
  u___cw_meta_rank: u32,
  u___cw_meta_size: u32,
}

struct cooperative_groups_thread_block_tile_32 {
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
  @align(16) n: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read_write> sum: array<atomic<i32>>;
@group(0) @binding(2) var<storage, read> input: array<i32>;
override cw_dyn_n: u32 = 1u;
var<workgroup> temp: array<i32, cw_dyn_n>;

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

fn cooperative_groups_thread_group_cooperative_groups_thread_group_1_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, cooperative_groups_thread_group>, cw_a_b: i32, cw_r_b: ptr<function, cooperative_groups_thread_block>) {
  var po_self = cw_a_self;
  var po_b = cw_a_b;
  (*cw_r_self).u___cw_size = cooperative_groups_thread_block_size(cw_tid, cw_bid, (*cw_r_b));
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

fn reduce_sum_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_g: cooperative_groups_thread_group, cw_a_temp: i32, cw_a_val: i32) -> i32 {
  var g = cw_a_g;
  var po_temp = cw_a_temp;
  var val = cw_a_val;
  var lane: i32 = i32(cooperative_groups_thread_group_thread_rank(cw_tid, cw_bid, g));
  {
    var i: i32 = i32((cooperative_groups_thread_group_size(cw_tid, cw_bid, g) / 2u));
    loop {
      if !((i > 0i)) { break; }
      temp[po_temp + lane] = val;
      cooperative_groups_thread_group_sync(cw_tid, cw_bid, g);
      if ((lane < i)) {
        val = (val + temp[po_temp + (lane + i)]);
      }
      cooperative_groups_thread_group_sync(cw_tid, cw_bid, g);
      continuing {
        i = (i / 2i);
      }
    }
  }
  return val;
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

fn cooperative_groups_thread_group_size(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_v_self: cooperative_groups_thread_group) -> u32 {
  var po_self = 0i;
  return cw_v_self.u___cw_size;
}

fn cooperative_groups_thread_group_sync(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_v_self: cooperative_groups_thread_group) {
  var po_self = 0i;
  storageBarrier();
  workgroupBarrier();
}

fn cooperative_groups_tiled_partition_32_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_parent: i32, cw_r_parent: ptr<function, cooperative_groups_thread_block>) -> cooperative_groups_thread_block_tile_32 {
  var po_parent = cw_a_parent;
  var u___tmp116: cooperative_groups_thread_block_tile_32;
  var rank: u32 = cooperative_groups_thread_block_thread_rank(cw_tid, cw_bid, (*cw_r_parent));
  var n: u32 = cooperative_groups_thread_block_size(cw_tid, cw_bid, (*cw_r_parent));
  u___tmp116 = cooperative_groups_thread_block_tile_32(0u, 0u, 0u);
  cooperative_groups_thread_block_tile_32_cooperative_groups_thread_block_tile_32_0(cw_tid, cw_bid, 0i, &u___tmp116, (rank / 32u), (((n + 32u) - 1u) / 32u));
  var t: cooperative_groups_thread_block_tile_32 = u___tmp116;
  return t;
}

fn cooperative_groups_thread_block_thread_rank(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_v_self: cooperative_groups_thread_block) -> u32 {
  var po_self = 0i;
  return cooperative_groups___cw_detail_block_rank(cw_tid, cw_bid);
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

fn cooperative_groups_tiled_partition_8_32_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_parent: i32, cw_r_parent: ptr<function, cooperative_groups_thread_block_tile_32>) -> cooperative_groups_thread_block_tile_8 {
  var po_parent = cw_a_parent;
  var u___tmp137: cooperative_groups_thread_block_tile_8;
  u___tmp137 = cooperative_groups_thread_block_tile_8(0u, 0u, 0u);
  cooperative_groups_thread_block_tile_8_cooperative_groups_thread_block_tile_8_0(cw_tid, cw_bid, 0i, &u___tmp137, (cooperative_groups_thread_block_tile_32_thread_rank(cw_tid, cw_bid, (*cw_r_parent)) / 8u), (32u / 8u));
  var t: cooperative_groups_thread_block_tile_8 = u___tmp137;
  return t;
}

fn cooperative_groups_thread_block_tile_32_thread_rank(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_v_self: cooperative_groups_thread_block_tile_32) -> u32 {
  var po_self = 0i;
  return (cooperative_groups___cw_detail_lane_id(cw_tid, cw_bid) & (32u - 1u));
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

fn cooperative_groups_thread_block_tile_8_thread_rank_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, cooperative_groups_thread_block_tile_8>) -> u32 {
  var po_self = cw_a_self;
  return (cooperative_groups___cw_detail_lane_id(cw_tid, cw_bid) & (8u - 1u));
}

fn cooperative_groups_thread_block_tile_8_meta_group_rank_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, cooperative_groups_thread_block_tile_8>) -> u32 {
  var po_self = cw_a_self;
  return (*cw_r_self).u___cw_meta_rank;
}

fn cooperative_groups_thread_block_tile_32_meta_group_rank_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, cooperative_groups_thread_block_tile_32>) -> u32 {
  var po_self = cw_a_self;
  return (*cw_r_self).u___cw_meta_rank;
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn sum_kernel(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var u___tmp91: cooperative_groups_thread_group;
  var u___tmp92: cooperative_groups_thread_block;
  var idx: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  var my: i32 = select(0i, input[idx], (idx < n));
  u___tmp91 = cooperative_groups_thread_group(0u, 0u, 0u, 0u);
  u___tmp92 = cooperative_groups_this_thread_block(cw_tid, cw_bid);
  cooperative_groups_thread_group_cooperative_groups_thread_group_1_0(cw_tid, cw_bid, 0i, &u___tmp91, 0i, &u___tmp92);
  var block_sum: i32 = reduce_sum_0(cw_tid, cw_bid, u___tmp91, 0i, my);
  var blk: cooperative_groups_thread_block = cooperative_groups_this_thread_block(cw_tid, cw_bid);
  var t32: cooperative_groups_thread_block_tile_32 = cooperative_groups_tiled_partition_32_0(cw_tid, cw_bid, 0i, &blk);
  var t8: cooperative_groups_thread_block_tile_8 = cooperative_groups_tiled_partition_8_32_0(cw_tid, cw_bid, 0i, &t32);
  if ((((cooperative_groups_thread_block_tile_8_thread_rank_0(cw_tid, cw_bid, 0i, &t8) == 0u) && (cooperative_groups_thread_block_tile_8_meta_group_rank_0(cw_tid, cw_bid, 0i, &t8) == 0u)) && (cooperative_groups_thread_block_tile_32_meta_group_rank_0(cw_tid, cw_bid, 0i, &t32) == 0u))) {
    _ = atomicAdd(&sum[0], block_sum);
  }
}

