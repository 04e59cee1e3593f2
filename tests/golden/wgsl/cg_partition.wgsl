// ==== kernel oddEvenSums ====
// kernel oddEvenSums, from <source> by cuwasm

struct cooperative_groups_thread_block {
  u___cw_unused: u32,
}

struct cooperative_groups_thread_block_tile_32 {
  u___cw_mask: u32,
  u___cw_meta_rank: u32,
  u___cw_meta_size: u32,
}

struct cooperative_groups_coalesced_group {
  u___cw_mask: u32,
}

struct cooperative_groups_plus_int {
  cw_empty: u32,
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
@group(0) @binding(1) var<storage, read> in: array<i32>;
@group(0) @binding(2) var<storage, read_write> sums: array<atomic<i32>>;
@group(0) @binding(3) var<storage, read_write> odd_count: array<atomic<i32>>;
var<workgroup> cw_wx: array<u32, cw_bx * cw_by * cw_bz>;

fn cw_lin(t: vec3<u32>) -> u32 { return t.x + cw_bx * (t.y + cw_by * t.z); }

fn cw_warp_mask(t: vec3<u32>) -> u32 {
  let n = min(32u, cw_bx * cw_by * cw_bz - (cw_lin(t) - cw_lin(t) % 32u));
  return select((1u << n) - 1u, 0xffffffffu, n == 32u);
}

fn cw_ffs(x: i32) -> i32 { return select(i32(firstTrailingBit(u32(x))) + 1, 0, x == 0); }

fn cooperative_groups_this_thread_block(cw_tid: vec3<u32>, cw_bid: vec3<u32>) -> cooperative_groups_thread_block {
  var b: cooperative_groups_thread_block;
  cooperative_groups_thread_block_cooperative_groups_thread_block_0(cw_tid, cw_bid, 0i, &b);
  return b;
}

fn cooperative_groups_thread_block_cooperative_groups_thread_block_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, cooperative_groups_thread_block>) {
  var po_self = cw_a_self;
  (*cw_r_self).u___cw_unused = 0u;
}

fn cooperative_groups_tiled_partition_32_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_parent: i32, cw_r_parent: ptr<function, cooperative_groups_thread_block>) -> cooperative_groups_thread_block_tile_32 {
  var po_parent = cw_a_parent;
  var u___tmp106: cooperative_groups_thread_block_tile_32;
  var rank: u32 = cooperative_groups_thread_block_thread_rank(cw_tid, cw_bid, (*cw_r_parent));
  var n: u32 = cooperative_groups_thread_block_size(cw_tid, cw_bid, (*cw_r_parent));
  u___tmp106 = cooperative_groups_thread_block_tile_32(0u, 0u, 0u);
  cooperative_groups_thread_block_tile_32_cooperative_groups_thread_block_tile_32_0(cw_tid, cw_bid, 0i, &u___tmp106, (rank / 32u), (((n + 32u) - 1u) / 32u));
  var t: cooperative_groups_thread_block_tile_32 = u___tmp106;
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

fn cooperative_groups_binary_partition_cooperative_groups_thread_block_tile_32_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_parent: i32, cw_r_parent: ptr<function, cooperative_groups_thread_block_tile_32>, cw_a_pred: bool) -> cooperative_groups_coalesced_group {
  var po_parent = cw_a_parent;
  var pred = cw_a_pred;
  var u___tmp113: cooperative_groups_coalesced_group;
  let cw_t0 = (*cw_r_parent).u___cw_mask;
  cw_wx[cw_lin(cw_tid)] = bitcast<u32>(i32(pred));
  workgroupBarrier();
  let cw_t2 = cw_lin(cw_tid) - cw_lin(cw_tid) % 32u;
  var cw_t1 = 0u;
  for (var cw_l = 0u; cw_l < 32u && cw_t2 + cw_l < cw_bx * cw_by * cw_bz; cw_l++) {
    if (((cw_t0 >> cw_l) & 1u) != 0u) { cw_t1 = cw_t1 | (select(0u, 1u, cw_wx[cw_t2 + cw_l] != 0u) << cw_l); }
  }
  workgroupBarrier();
  var yes: u32 = cw_t1;
  u___tmp113 = cooperative_groups_coalesced_group(0u);
  cooperative_groups_coalesced_group_cooperative_groups_coalesced_group_0(cw_tid, cw_bid, 0i, &u___tmp113, select(((*cw_r_parent).u___cw_mask & (~yes)), yes, pred));
  return u___tmp113;
}

fn cooperative_groups_coalesced_group_cooperative_groups_coalesced_group_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, cooperative_groups_coalesced_group>, cw_a_mask: u32) {
  var po_self = cw_a_self;
  var mask = cw_a_mask;
  (*cw_r_self).u___cw_mask = mask;
}

fn cooperative_groups_reduce_int_cooperative_groups_plus_int_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_g: i32, cw_r_g: ptr<function, cooperative_groups_coalesced_group>, cw_a_val: i32, cw_a_op: cooperative_groups_plus_int) -> i32 {
  var po_g = cw_a_g;
  var val = cw_a_val;
  var op = cw_a_op;
  var n: u32 = cooperative_groups_coalesced_group_size(cw_tid, cw_bid, (*cw_r_g));
  var r: u32 = cooperative_groups_coalesced_group_thread_rank(cw_tid, cw_bid, (*cw_r_g));
  {
    var d: u32 = 1u;
    loop {
      if !((d < 32u)) { break; }
      var other: i32 = cooperative_groups_coalesced_group_shfl_down_int(cw_tid, cw_bid, (*cw_r_g), val, d);
      if (((r + d) < n)) {
        val = cooperative_groups_plus_int_operator(cw_tid, cw_bid, op, val, other);
      }
      continuing {
        d = (d << u32(1i));
      }
    }
  }
  return cooperative_groups_coalesced_group_shfl_int(cw_tid, cw_bid, (*cw_r_g), val, 0u);
}

fn cooperative_groups_coalesced_group_size(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_v_self: cooperative_groups_coalesced_group) -> u32 {
  var po_self = 0i;
  return u32(i32(countOneBits(cw_v_self.u___cw_mask)));
}

fn cooperative_groups_coalesced_group_thread_rank(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_v_self: cooperative_groups_coalesced_group) -> u32 {
  var po_self = 0i;
  return u32(i32(countOneBits((cw_v_self.u___cw_mask & ((1u << (cw_lin(cw_tid) % 32u)) - 1u)))));
}

fn cooperative_groups_coalesced_group_shfl_down_int(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_v_self: cooperative_groups_coalesced_group, cw_a_var: i32, cw_a_delta: u32) -> i32 {
  var po_self = 0i;
  var u_var = cw_a_var;
  var delta = cw_a_delta;
  var r: u32 = (cooperative_groups_coalesced_group_thread_rank(cw_tid, cw_bid, cw_v_self) + delta);
  if ((r >= cooperative_groups_coalesced_group_size(cw_tid, cw_bid, cw_v_self))) {
    r = cooperative_groups_coalesced_group_thread_rank(cw_tid, cw_bid, cw_v_self);
  }
  cw_wx[cw_lin(cw_tid)] = bitcast<u32>(u_var);
  workgroupBarrier();
  let cw_t3 = cw_lin(cw_tid) % 32u;
  let cw_t5 = u32(cooperative_groups___cw_detail_lane_of_rank(cw_tid, cw_bid, cw_v_self.u___cw_mask, r));
  let cw_t4 = cw_wx[min(cw_lin(cw_tid) - cw_t3 + ((cw_t3 - cw_t3 % u32(32i)) + cw_t5 % u32(32i)), cw_bx * cw_by * cw_bz - 1u)];
  workgroupBarrier();
  return bitcast<i32>(cw_t4);
}

fn cooperative_groups___cw_detail_lane_of_rank(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_mask: u32, cw_a_rank: u32) -> i32 {
  var mask = cw_a_mask;
  var rank = cw_a_rank;
  var m: u32 = mask;
  {
    var i: u32 = 0u;
    loop {
      if !((i < rank)) { break; }
      m = (m & (m - 1u));
      continuing {
        i = (i + 1u);
      }
    }
  }
  return (cw_ffs(i32(m)) - 1i);
}

fn cooperative_groups_plus_int_operator(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_v_self: cooperative_groups_plus_int, cw_a_a: i32, cw_a_b: i32) -> i32 {
  var po_self = 0i;
  var a = cw_a_a;
  var b = cw_a_b;
  return (a + b);
}

fn cooperative_groups_coalesced_group_shfl_int(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_v_self: cooperative_groups_coalesced_group, cw_a_var: i32, cw_a_src_rank: u32) -> i32 {
  var po_self = 0i;
  var u_var = cw_a_var;
  var src_rank = cw_a_src_rank;
  cw_wx[cw_lin(cw_tid)] = bitcast<u32>(u_var);
  workgroupBarrier();
  let cw_t6 = cw_lin(cw_tid) % 32u;
  let cw_t8 = u32(cooperative_groups___cw_detail_lane_of_rank(cw_tid, cw_bid, cw_v_self.u___cw_mask, src_rank));
  let cw_t7 = cw_wx[min(cw_lin(cw_tid) - cw_t6 + ((cw_t6 - cw_t6 % u32(32i)) + cw_t8 % u32(32i)), cw_bx * cw_by * cw_bz - 1u)];
  workgroupBarrier();
  return bitcast<i32>(cw_t7);
}

fn cooperative_groups_coalesced_group_thread_rank_1(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, cooperative_groups_coalesced_group>) -> u32 {
  var po_self = cw_a_self;
  return u32(i32(countOneBits(((*cw_r_self).u___cw_mask & ((1u << (cw_lin(cw_tid) % 32u)) - 1u)))));
}

fn cooperative_groups_coalesced_group_size_1(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, cooperative_groups_coalesced_group>) -> u32 {
  var po_self = cw_a_self;
  return u32(i32(countOneBits((*cw_r_self).u___cw_mask)));
}

fn cooperative_groups_sync_cooperative_groups_thread_block_tile_32_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_g: i32, cw_r_g: ptr<function, cooperative_groups_thread_block_tile_32>) {
  var po_g = cw_a_g;
  cooperative_groups_thread_block_tile_32_sync(cw_tid, cw_bid, (*cw_r_g));
}

fn cooperative_groups_thread_block_tile_32_sync(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_v_self: cooperative_groups_thread_block_tile_32) {
  var po_self = 0i;
  storageBarrier();
  workgroupBarrier();
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn oddEvenSums(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var block: cooperative_groups_thread_block = cooperative_groups_this_thread_block(cw_tid, cw_bid);
  var tile: cooperative_groups_thread_block_tile_32 = cooperative_groups_tiled_partition_32_0(cw_tid, cw_bid, 0i, &block);
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  var v: i32 = select(0i, (in[i] & 1023i), (i < n));
  var part: cooperative_groups_coalesced_group = cooperative_groups_binary_partition_cooperative_groups_thread_block_tile_32_0(cw_tid, cw_bid, 0i, &tile, ((v & 1i) != 0i));
  var sum: i32 = cooperative_groups_reduce_int_cooperative_groups_plus_int_0(cw_tid, cw_bid, 0i, &part, v, cooperative_groups_plus_int());
  if ((cooperative_groups_coalesced_group_thread_rank_1(cw_tid, cw_bid, 0i, &part) == 0u)) {
    _ = atomicAdd(&sums[(v & 1i)], sum);
    if (((v & 1i) != 0i)) {
      _ = atomicAdd(&odd_count[0], i32(cooperative_groups_coalesced_group_size_1(cw_tid, cw_bid, 0i, &part)));
    }
  }
  cooperative_groups_sync_cooperative_groups_thread_block_tile_32_0(cw_tid, cw_bid, 0i, &tile);
}

// ==== kernel labelSums ====
// kernel labelSums, from <source> by cuwasm

struct cooperative_groups_thread_block {
  u___cw_unused: u32,
}

struct cooperative_groups_thread_block_tile_32 {
  u___cw_mask: u32,
  u___cw_meta_rank: u32,
  u___cw_meta_size: u32,
}

struct cooperative_groups_coalesced_group {
  u___cw_mask: u32,
}

struct cooperative_groups_plus_int {
  cw_empty: u32,
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
@group(0) @binding(1) var<storage, read> in: array<i32>;
@group(0) @binding(2) var<storage, read_write> sums: array<atomic<i32>>;
var<workgroup> cw_wx: array<u32, cw_bx * cw_by * cw_bz>;

fn cw_lin(t: vec3<u32>) -> u32 { return t.x + cw_bx * (t.y + cw_by * t.z); }

fn cw_ffs(x: i32) -> i32 { return select(i32(firstTrailingBit(u32(x))) + 1, 0, x == 0); }

fn cooperative_groups_this_thread_block(cw_tid: vec3<u32>, cw_bid: vec3<u32>) -> cooperative_groups_thread_block {
  var b: cooperative_groups_thread_block;
  cooperative_groups_thread_block_cooperative_groups_thread_block_0(cw_tid, cw_bid, 0i, &b);
  return b;
}

fn cooperative_groups_thread_block_cooperative_groups_thread_block_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, cooperative_groups_thread_block>) {
  var po_self = cw_a_self;
  (*cw_r_self).u___cw_unused = 0u;
}

fn cooperative_groups_tiled_partition_32_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_parent: i32, cw_r_parent: ptr<function, cooperative_groups_thread_block>) -> cooperative_groups_thread_block_tile_32 {
  var po_parent = cw_a_parent;
  var u___tmp106: cooperative_groups_thread_block_tile_32;
  var rank: u32 = cooperative_groups_thread_block_thread_rank(cw_tid, cw_bid, (*cw_r_parent));
  var n: u32 = cooperative_groups_thread_block_size(cw_tid, cw_bid, (*cw_r_parent));
  u___tmp106 = cooperative_groups_thread_block_tile_32(0u, 0u, 0u);
  cooperative_groups_thread_block_tile_32_cooperative_groups_thread_block_tile_32_0(cw_tid, cw_bid, 0i, &u___tmp106, (rank / 32u), (((n + 32u) - 1u) / 32u));
  var t: cooperative_groups_thread_block_tile_32 = u___tmp106;
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

fn cooperative_groups_labeled_partition_cooperative_groups_thread_block_tile_32_int_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_parent: i32, cw_r_parent: ptr<function, cooperative_groups_thread_block_tile_32>, cw_a_label: i32) -> cooperative_groups_coalesced_group {
  var po_parent = cw_a_parent;
  var label = cw_a_label;
  var u___tmp156: cooperative_groups_coalesced_group;
  u___tmp156 = cooperative_groups_coalesced_group(0u);
  let cw_t0 = (*cw_r_parent).u___cw_mask;
  let cw_t1 = bitcast<u32>(label);
  cw_wx[cw_lin(cw_tid)] = cw_t1;
  workgroupBarrier();
  let cw_t3 = cw_lin(cw_tid) - cw_lin(cw_tid) % 32u;
  var cw_t2 = 0u;
  for (var cw_l = 0u; cw_l < 32u && cw_t3 + cw_l < cw_bx * cw_by * cw_bz; cw_l++) {
    if (((cw_t0 >> cw_l) & 1u) != 0u) { cw_t2 = cw_t2 | (select(0u, 1u, cw_wx[cw_t3 + cw_l] == cw_t1) << cw_l); }
  }
  workgroupBarrier();
  cooperative_groups_coalesced_group_cooperative_groups_coalesced_group_0(cw_tid, cw_bid, 0i, &u___tmp156, cw_t2);
  return u___tmp156;
}

fn cooperative_groups_coalesced_group_cooperative_groups_coalesced_group_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, cooperative_groups_coalesced_group>, cw_a_mask: u32) {
  var po_self = cw_a_self;
  var mask = cw_a_mask;
  (*cw_r_self).u___cw_mask = mask;
}

fn cooperative_groups_reduce_int_cooperative_groups_plus_int_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_g: i32, cw_r_g: ptr<function, cooperative_groups_coalesced_group>, cw_a_val: i32, cw_a_op: cooperative_groups_plus_int) -> i32 {
  var po_g = cw_a_g;
  var val = cw_a_val;
  var op = cw_a_op;
  var n: u32 = cooperative_groups_coalesced_group_size(cw_tid, cw_bid, (*cw_r_g));
  var r: u32 = cooperative_groups_coalesced_group_thread_rank(cw_tid, cw_bid, (*cw_r_g));
  {
    var d: u32 = 1u;
    loop {
      if !((d < 32u)) { break; }
      var other: i32 = cooperative_groups_coalesced_group_shfl_down_int(cw_tid, cw_bid, (*cw_r_g), val, d);
      if (((r + d) < n)) {
        val = cooperative_groups_plus_int_operator(cw_tid, cw_bid, op, val, other);
      }
      continuing {
        d = (d << u32(1i));
      }
    }
  }
  return cooperative_groups_coalesced_group_shfl_int(cw_tid, cw_bid, (*cw_r_g), val, 0u);
}

fn cooperative_groups_coalesced_group_size(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_v_self: cooperative_groups_coalesced_group) -> u32 {
  var po_self = 0i;
  return u32(i32(countOneBits(cw_v_self.u___cw_mask)));
}

fn cooperative_groups_coalesced_group_thread_rank(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_v_self: cooperative_groups_coalesced_group) -> u32 {
  var po_self = 0i;
  return u32(i32(countOneBits((cw_v_self.u___cw_mask & ((1u << (cw_lin(cw_tid) % 32u)) - 1u)))));
}

fn cooperative_groups_coalesced_group_shfl_down_int(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_v_self: cooperative_groups_coalesced_group, cw_a_var: i32, cw_a_delta: u32) -> i32 {
  var po_self = 0i;
  var u_var = cw_a_var;
  var delta = cw_a_delta;
  var r: u32 = (cooperative_groups_coalesced_group_thread_rank(cw_tid, cw_bid, cw_v_self) + delta);
  if ((r >= cooperative_groups_coalesced_group_size(cw_tid, cw_bid, cw_v_self))) {
    r = cooperative_groups_coalesced_group_thread_rank(cw_tid, cw_bid, cw_v_self);
  }
  cw_wx[cw_lin(cw_tid)] = bitcast<u32>(u_var);
  workgroupBarrier();
  let cw_t4 = cw_lin(cw_tid) % 32u;
  let cw_t6 = u32(cooperative_groups___cw_detail_lane_of_rank(cw_tid, cw_bid, cw_v_self.u___cw_mask, r));
  let cw_t5 = cw_wx[min(cw_lin(cw_tid) - cw_t4 + ((cw_t4 - cw_t4 % u32(32i)) + cw_t6 % u32(32i)), cw_bx * cw_by * cw_bz - 1u)];
  workgroupBarrier();
  return bitcast<i32>(cw_t5);
}

fn cooperative_groups___cw_detail_lane_of_rank(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_mask: u32, cw_a_rank: u32) -> i32 {
  var mask = cw_a_mask;
  var rank = cw_a_rank;
  var m: u32 = mask;
  {
    var i: u32 = 0u;
    loop {
      if !((i < rank)) { break; }
      m = (m & (m - 1u));
      continuing {
        i = (i + 1u);
      }
    }
  }
  return (cw_ffs(i32(m)) - 1i);
}

fn cooperative_groups_plus_int_operator(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_v_self: cooperative_groups_plus_int, cw_a_a: i32, cw_a_b: i32) -> i32 {
  var po_self = 0i;
  var a = cw_a_a;
  var b = cw_a_b;
  return (a + b);
}

fn cooperative_groups_coalesced_group_shfl_int(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_v_self: cooperative_groups_coalesced_group, cw_a_var: i32, cw_a_src_rank: u32) -> i32 {
  var po_self = 0i;
  var u_var = cw_a_var;
  var src_rank = cw_a_src_rank;
  cw_wx[cw_lin(cw_tid)] = bitcast<u32>(u_var);
  workgroupBarrier();
  let cw_t7 = cw_lin(cw_tid) % 32u;
  let cw_t9 = u32(cooperative_groups___cw_detail_lane_of_rank(cw_tid, cw_bid, cw_v_self.u___cw_mask, src_rank));
  let cw_t8 = cw_wx[min(cw_lin(cw_tid) - cw_t7 + ((cw_t7 - cw_t7 % u32(32i)) + cw_t9 % u32(32i)), cw_bx * cw_by * cw_bz - 1u)];
  workgroupBarrier();
  return bitcast<i32>(cw_t8);
}

fn cooperative_groups_coalesced_group_thread_rank_1(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, cooperative_groups_coalesced_group>) -> u32 {
  var po_self = cw_a_self;
  return u32(i32(countOneBits(((*cw_r_self).u___cw_mask & ((1u << (cw_lin(cw_tid) % 32u)) - 1u)))));
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn labelSums(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var u___tmp149: cooperative_groups_thread_block;
  u___tmp149 = cooperative_groups_this_thread_block(cw_tid, cw_bid);
  var tile: cooperative_groups_thread_block_tile_32 = cooperative_groups_tiled_partition_32_0(cw_tid, cw_bid, 0i, &u___tmp149);
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  var v: i32 = select(0i, in[i], (i < n));
  var label: i32 = (v % 4i);
  var part: cooperative_groups_coalesced_group = cooperative_groups_labeled_partition_cooperative_groups_thread_block_tile_32_int_0(cw_tid, cw_bid, 0i, &tile, label);
  var sum: i32 = cooperative_groups_reduce_int_cooperative_groups_plus_int_0(cw_tid, cw_bid, 0i, &part, v, cooperative_groups_plus_int());
  if ((cooperative_groups_coalesced_group_thread_rank_1(cw_tid, cw_bid, 0i, &part) == 0u)) {
    _ = atomicAdd(&sums[label], sum);
  }
}

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

fn cooperative_groups_tiled_partition_8_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_parent: i32, cw_r_parent: ptr<function, cooperative_groups_thread_block>) -> cooperative_groups_thread_block_tile_8 {
  var po_parent = cw_a_parent;
  var u___tmp182: cooperative_groups_thread_block_tile_8;
  var rank: u32 = cooperative_groups_thread_block_thread_rank(cw_tid, cw_bid, (*cw_r_parent));
  var n: u32 = cooperative_groups_thread_block_size(cw_tid, cw_bid, (*cw_r_parent));
  u___tmp182 = cooperative_groups_thread_block_tile_8(0u, 0u, 0u);
  cooperative_groups_thread_block_tile_8_cooperative_groups_thread_block_tile_8_0(cw_tid, cw_bid, 0i, &u___tmp182, (rank / 8u), (((n + 8u) - 1u) / 8u));
  var t: cooperative_groups_thread_block_tile_8 = u___tmp182;
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
  (*cw_r_self).u___cw_mask = (*cw_r_t).u___cw_mask;
  (*cw_r_self).u___cw_meta_rank = cooperative_groups_thread_block_tile_8_meta_group_rank(cw_tid, cw_bid, (*cw_r_t));
  (*cw_r_self).u___cw_meta_size = cooperative_groups_thread_block_tile_8_meta_group_size(cw_tid, cw_bid, (*cw_r_t));
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
  if ((cw_v_self.u___cw_mask != 0u)) {
    return u32(i32(countOneBits((cw_v_self.u___cw_mask & ((1u << (cw_lin(cw_tid) % 32u)) - 1u)))));
  }
  return (cooperative_groups___cw_detail_block_rank(cw_tid, cw_bid) % cw_v_self.u___cw_size);
}

fn cooperative_groups_thread_group_size(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_v_self: cooperative_groups_thread_group) -> u32 {
  var po_self = 0i;
  return cw_v_self.u___cw_size;
}

fn cooperative_groups_thread_group_cooperative_groups_thread_group_1_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, cooperative_groups_thread_group>, cw_a_b: i32, cw_r_b: ptr<function, cooperative_groups_thread_block>) {
  var po_self = cw_a_self;
  var po_b = cw_a_b;
  (*cw_r_self).u___cw_size = cooperative_groups_thread_block_size(cw_tid, cw_bid, (*cw_r_b));
  (*cw_r_self).u___cw_mask = 0u;
  (*cw_r_self).u___cw_meta_rank = 0u;
  (*cw_r_self).u___cw_meta_size = 1u;
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn tileAsGroup(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var u___tmp183: cooperative_groups_thread_block;
  var u___tmp186: cooperative_groups_thread_group;
  var u___tmp187: cooperative_groups_thread_group;
  var u___tmp188: cooperative_groups_thread_block;
  u___tmp183 = cooperative_groups_this_thread_block(cw_tid, cw_bid);
  var tile: cooperative_groups_thread_block_tile_8 = cooperative_groups_tiled_partition_8_0(cw_tid, cw_bid, 0i, &u___tmp183);
  u___tmp186 = cooperative_groups_thread_group(0u, 0u, 0u, 0u);
  cooperative_groups_thread_group_thread_group_8_0(cw_tid, cw_bid, 0i, &u___tmp186, 0i, &tile);
  u___tmp187 = cooperative_groups_thread_group(0u, 0u, 0u, 0u);
  u___tmp188 = cooperative_groups_this_thread_block(cw_tid, cw_bid);
  cooperative_groups_thread_group_cooperative_groups_thread_group_1_0(cw_tid, cw_bid, 0i, &u___tmp187, 0i, &u___tmp188);
  out[cw_tid.x] = (rankAndSize(cw_tid, cw_bid, u___tmp186) + (rankAndSize(cw_tid, cw_bid, u___tmp187) * 1000i));
}

// ==== kernel groupRanks ====
// kernel groupRanks, from <source> by cuwasm

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

struct cooperative_groups_coalesced_group {
  u___cw_mask: u32,
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

fn cooperative_groups_tiled_partition_1(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_parent: i32, cw_r_parent: ptr<function, cooperative_groups_thread_group>, cw_a_tile_size: u32) -> cooperative_groups_thread_group {
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

fn cooperative_groups_tiled_partition_32_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_parent: i32, cw_r_parent: ptr<function, cooperative_groups_thread_block>) -> cooperative_groups_thread_block_tile_32 {
  var po_parent = cw_a_parent;
  var u___tmp106: cooperative_groups_thread_block_tile_32;
  var rank: u32 = cooperative_groups_thread_block_thread_rank(cw_tid, cw_bid, (*cw_r_parent));
  var n: u32 = cooperative_groups_thread_block_size(cw_tid, cw_bid, (*cw_r_parent));
  u___tmp106 = cooperative_groups_thread_block_tile_32(0u, 0u, 0u);
  cooperative_groups_thread_block_tile_32_cooperative_groups_thread_block_tile_32_0(cw_tid, cw_bid, 0i, &u___tmp106, (rank / 32u), (((n + 32u) - 1u) / 32u));
  var t: cooperative_groups_thread_block_tile_32 = u___tmp106;
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

fn cooperative_groups_binary_partition_cooperative_groups_thread_block_tile_32_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_parent: i32, cw_r_parent: ptr<function, cooperative_groups_thread_block_tile_32>, cw_a_pred: bool) -> cooperative_groups_coalesced_group {
  var po_parent = cw_a_parent;
  var pred = cw_a_pred;
  var u___tmp113: cooperative_groups_coalesced_group;
  let cw_t0 = (*cw_r_parent).u___cw_mask;
  cw_wx[cw_lin(cw_tid)] = bitcast<u32>(i32(pred));
  workgroupBarrier();
  let cw_t2 = cw_lin(cw_tid) - cw_lin(cw_tid) % 32u;
  var cw_t1 = 0u;
  for (var cw_l = 0u; cw_l < 32u && cw_t2 + cw_l < cw_bx * cw_by * cw_bz; cw_l++) {
    if (((cw_t0 >> cw_l) & 1u) != 0u) { cw_t1 = cw_t1 | (select(0u, 1u, cw_wx[cw_t2 + cw_l] != 0u) << cw_l); }
  }
  workgroupBarrier();
  var yes: u32 = cw_t1;
  u___tmp113 = cooperative_groups_coalesced_group(0u);
  cooperative_groups_coalesced_group_cooperative_groups_coalesced_group_0(cw_tid, cw_bid, 0i, &u___tmp113, select(((*cw_r_parent).u___cw_mask & (~yes)), yes, pred));
  return u___tmp113;
}

fn cooperative_groups_coalesced_group_cooperative_groups_coalesced_group_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, cooperative_groups_coalesced_group>, cw_a_mask: u32) {
  var po_self = cw_a_self;
  var mask = cw_a_mask;
  (*cw_r_self).u___cw_mask = mask;
}

fn cooperative_groups_thread_group_cooperative_groups_thread_group_2_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, cooperative_groups_thread_group>, cw_a_c: i32, cw_r_c: ptr<function, cooperative_groups_coalesced_group>) {
  var po_self = cw_a_self;
  var po_c = cw_a_c;
  (*cw_r_self).u___cw_size = cooperative_groups_coalesced_group_size(cw_tid, cw_bid, (*cw_r_c));
  (*cw_r_self).u___cw_mask = (*cw_r_c).u___cw_mask;
  (*cw_r_self).u___cw_meta_rank = 0u;
  (*cw_r_self).u___cw_meta_size = 1u;
}

fn cooperative_groups_coalesced_group_size(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_v_self: cooperative_groups_coalesced_group) -> u32 {
  var po_self = 0i;
  return u32(i32(countOneBits(cw_v_self.u___cw_mask)));
}

fn cooperative_groups_thread_group_thread_rank_1(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, cooperative_groups_thread_group>) -> u32 {
  var po_self = cw_a_self;
  if (((*cw_r_self).u___cw_mask != 0u)) {
    return u32(i32(countOneBits(((*cw_r_self).u___cw_mask & ((1u << (cw_lin(cw_tid) % 32u)) - 1u)))));
  }
  return (cooperative_groups___cw_detail_block_rank(cw_tid, cw_bid) % (*cw_r_self).u___cw_size);
}

fn cooperative_groups_thread_group_thread_rank_2(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, cooperative_groups_thread_group>) -> u32 {
  var po_self = cw_a_self;
  if (((*cw_r_self).u___cw_mask != 0u)) {
    return u32(i32(countOneBits(((*cw_r_self).u___cw_mask & ((1u << (cw_lin(cw_tid) % 32u)) - 1u)))));
  }
  return (cooperative_groups___cw_detail_block_rank(cw_tid, cw_bid) % (*cw_r_self).u___cw_size);
}

fn cooperative_groups_thread_group_thread_rank_3(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, cooperative_groups_thread_group>) -> u32 {
  var po_self = cw_a_self;
  if (((*cw_r_self).u___cw_mask != 0u)) {
    return u32(i32(countOneBits(((*cw_r_self).u___cw_mask & ((1u << (cw_lin(cw_tid) % 32u)) - 1u)))));
  }
  return (cooperative_groups___cw_detail_block_rank(cw_tid, cw_bid) % (*cw_r_self).u___cw_size);
}

fn cooperative_groups_thread_group_size_1(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, cooperative_groups_thread_group>) -> u32 {
  var po_self = cw_a_self;
  return (*cw_r_self).u___cw_size;
}

fn cooperative_groups_thread_group_size_2(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, cooperative_groups_thread_group>) -> u32 {
  var po_self = cw_a_self;
  return (*cw_r_self).u___cw_size;
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn groupRanks(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var u___tmp194: cooperative_groups_thread_block_tile_32;
  var u___tmp196: cooperative_groups_thread_group;
  var block: cooperative_groups_thread_block = cooperative_groups_this_thread_block(cw_tid, cw_bid);
  var t16: cooperative_groups_thread_group = cooperative_groups_tiled_partition_1_0(cw_tid, cw_bid, 0i, &block, 16u);
  var t4: cooperative_groups_thread_group = cooperative_groups_tiled_partition_1(cw_tid, cw_bid, 0i, &t16, 4u);
  u___tmp194 = cooperative_groups_tiled_partition_32_0(cw_tid, cw_bid, 0i, &block);
  var parity: cooperative_groups_coalesced_group = cooperative_groups_binary_partition_cooperative_groups_thread_block_tile_32_0(cw_tid, cw_bid, 0i, &u___tmp194, ((cw_tid.x % 3u) == 0u));
  u___tmp196 = cooperative_groups_thread_group(0u, 0u, 0u, 0u);
  cooperative_groups_thread_group_cooperative_groups_thread_group_2_0(cw_tid, cw_bid, 0i, &u___tmp196, 0i, &parity);
  var p: cooperative_groups_thread_group = u___tmp196;
  out[((cw_bid.x * cw_bx) + cw_tid.x)] = i32(((((cooperative_groups_thread_group_thread_rank_1(cw_tid, cw_bid, 0i, &t16) + (100u * cooperative_groups_thread_group_thread_rank_2(cw_tid, cw_bid, 0i, &t4))) + (1000u * cooperative_groups_thread_group_thread_rank_3(cw_tid, cw_bid, 0i, &p))) + (100000u * cooperative_groups_thread_group_size_1(cw_tid, cw_bid, 0i, &t4))) + (10000000u * (cooperative_groups_thread_group_size_2(cw_tid, cw_bid, 0i, &p) & 1u))));
}

