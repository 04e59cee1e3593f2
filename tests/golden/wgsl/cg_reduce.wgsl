// ==== kernel cgReduceSum ====
// kernel cgReduceSum, from <source> by cuwasm

struct cooperative_groups_thread_block {
  u___cw_unused: u32,
}

struct cooperative_groups_thread_block_tile_32 {
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
@group(0) @binding(1) var<storage, read> in: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<atomic<u32>>;
var<workgroup> partial: array<f32, 32>;
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

fn cooperative_groups_tiled_partition_32_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_parent: i32, cw_r_parent: ptr<function, cooperative_groups_thread_block>) -> cooperative_groups_thread_block_tile_32 {
  var po_parent = cw_a_parent;
  var u___tmp112: cooperative_groups_thread_block_tile_32;
  var rank: u32 = cooperative_groups_thread_block_thread_rank(cw_tid, cw_bid, (*cw_r_parent));
  var n: u32 = cooperative_groups_thread_block_size(cw_tid, cw_bid, (*cw_r_parent));
  u___tmp112 = cooperative_groups_thread_block_tile_32(0u, 0u, 0u);
  cooperative_groups_thread_block_tile_32_cooperative_groups_thread_block_tile_32_0(cw_tid, cw_bid, 0i, &u___tmp112, (rank / 32u), (((n + 32u) - 1u) / 32u));
  var t: cooperative_groups_thread_block_tile_32 = u___tmp112;
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

fn cooperative_groups_thread_block_size_1(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, cooperative_groups_thread_block>) -> u32 {
  var po_self = cw_a_self;
  return cooperative_groups___cw_detail_block_size(cw_tid, cw_bid);
}

fn cooperative_groups_thread_block_thread_rank_1(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, cooperative_groups_thread_block>) -> u32 {
  var po_self = cw_a_self;
  return cooperative_groups___cw_detail_block_rank(cw_tid, cw_bid);
}

fn tileSum(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_tile: cooperative_groups_thread_block_tile_32, cw_a_v: f32) -> f32 {
  var tile = cw_a_tile;
  var v = cw_a_v;
  {
    var offset: i32 = i32((cooperative_groups_thread_block_tile_32_size(cw_tid, cw_bid, tile) / 2u));
    loop {
      if !((offset > 0i)) { break; }
      v = (v + cooperative_groups_thread_block_tile_32_shfl_down_float(cw_tid, cw_bid, tile, v, u32(offset)));
      continuing {
        offset = (offset / 2i);
      }
    }
  }
  return v;
}

fn cooperative_groups_thread_block_tile_32_size(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_v_self: cooperative_groups_thread_block_tile_32) -> u32 {
  var po_self = 0i;
  return 32u;
}

fn cooperative_groups_thread_block_tile_32_shfl_down_float(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_v_self: cooperative_groups_thread_block_tile_32, cw_a_var: f32, cw_a_delta: u32) -> f32 {
  var po_self = 0i;
  var u_var = cw_a_var;
  var delta = cw_a_delta;
  cw_wx[cw_lin(cw_tid)] = bitcast<u32>(u_var);
  workgroupBarrier();
  let cw_t0 = cw_lin(cw_tid) % 32u;
  let cw_t2 = delta;
  let cw_t1 = cw_wx[min(cw_lin(cw_tid) - cw_t0 + select(cw_t0, cw_t0 + cw_t2, cw_t0 % u32(32i) + cw_t2 < u32(32i)), cw_bx * cw_by * cw_bz - 1u)];
  workgroupBarrier();
  return bitcast<f32>(cw_t1);
}

fn cooperative_groups_thread_block_tile_32_thread_rank_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, cooperative_groups_thread_block_tile_32>) -> u32 {
  var po_self = cw_a_self;
  return (cooperative_groups___cw_detail_lane_id(cw_tid, cw_bid) & (32u - 1u));
}

fn cooperative_groups_thread_block_tile_32_meta_group_rank_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, cooperative_groups_thread_block_tile_32>) -> u32 {
  var po_self = cw_a_self;
  return (*cw_r_self).u___cw_meta_rank;
}

fn cooperative_groups_thread_block_sync_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, cooperative_groups_thread_block>) {
  var po_self = cw_a_self;
  storageBarrier();
  workgroupBarrier();
}

fn cooperative_groups_thread_block_tile_32_meta_group_size_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, cooperative_groups_thread_block_tile_32>) -> u32 {
  var po_self = cw_a_self;
  return (*cw_r_self).u___cw_meta_size;
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn cgReduceSum(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var block: cooperative_groups_thread_block = cooperative_groups_this_thread_block(cw_tid, cw_bid);
  var tile: cooperative_groups_thread_block_tile_32 = cooperative_groups_tiled_partition_32_0(cw_tid, cw_bid, 0i, &block);
  var v: f32 = 0.0f;
  {
    var i: i32 = i32(((cw_bid.x * cooperative_groups_thread_block_size_1(cw_tid, cw_bid, 0i, &block)) + cooperative_groups_thread_block_thread_rank_1(cw_tid, cw_bid, 0i, &block)));
    loop {
      if !((i < n)) { break; }
      v = (v + in[i]);
      continuing {
        i = i32((u32(i) + (cw_p.cw_grid.x * cooperative_groups_thread_block_size_1(cw_tid, cw_bid, 0i, &block))));
      }
    }
  }
  v = tileSum(cw_tid, cw_bid, tile, v);
  if ((cooperative_groups_thread_block_tile_32_thread_rank_0(cw_tid, cw_bid, 0i, &tile) == 0u)) {
    partial[cooperative_groups_thread_block_tile_32_meta_group_rank_0(cw_tid, cw_bid, 0i, &tile)] = v;
  }
  cooperative_groups_thread_block_sync_0(cw_tid, cw_bid, 0i, &block);
  let cw_t3 = (cooperative_groups_thread_block_tile_32_meta_group_rank_0(cw_tid, cw_bid, 0i, &tile) == 0u); // runs in every thread, undone where false
  let cw_t4 = v;
  {
    v = select(0.0f, partial[cooperative_groups_thread_block_tile_32_thread_rank_0(cw_tid, cw_bid, 0i, &tile)], (cooperative_groups_thread_block_tile_32_thread_rank_0(cw_tid, cw_bid, 0i, &tile) < cooperative_groups_thread_block_tile_32_meta_group_size_0(cw_tid, cw_bid, 0i, &tile)));
    v = tileSum(cw_tid, cw_bid, tile, v);
    if ((cooperative_groups_thread_block_tile_32_thread_rank_0(cw_tid, cw_bid, 0i, &tile) == 0u)) {
      if (cw_t3) {
        let cw_t5 = v;
        var cw_t6 = atomicLoad(&out[0]);
        loop {
          let cw_t7 = atomicCompareExchangeWeak(&out[0], cw_t6, bitcast<u32>(bitcast<f32>(cw_t6) + cw_t5));
          if (cw_t7.exchanged) { break; }
          cw_t6 = cw_t7.old_value;
        }
        _ = bitcast<f32>(cw_t6);
      }
    }
  }
  if (!cw_t3) {
    v = cw_t4;
  }
}

// ==== kernel cgReduceBuiltin ====
// kernel cgReduceBuiltin, from <source> by cuwasm

struct cooperative_groups_thread_block {
  u___cw_unused: u32,
}

struct cooperative_groups_thread_block_tile_32 {
  u___cw_mask: u32,
  u___cw_meta_rank: u32,
  u___cw_meta_size: u32,
}

struct cooperative_groups_plus_float {
  cw_empty: u32,
}

struct cooperative_groups_greater_float {
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
@group(0) @binding(1) var<storage, read> in: array<f32>;
@group(0) @binding(2) var<storage, read_write> sums: array<f32>;
@group(0) @binding(3) var<storage, read_write> maxes: array<f32>;
var<workgroup> s: array<f32, 4>;
var<workgroup> m: array<f32, 4>;
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

fn cooperative_groups_tiled_partition_32_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_parent: i32, cw_r_parent: ptr<function, cooperative_groups_thread_block>) -> cooperative_groups_thread_block_tile_32 {
  var po_parent = cw_a_parent;
  var u___tmp112: cooperative_groups_thread_block_tile_32;
  var rank: u32 = cooperative_groups_thread_block_thread_rank(cw_tid, cw_bid, (*cw_r_parent));
  var n: u32 = cooperative_groups_thread_block_size(cw_tid, cw_bid, (*cw_r_parent));
  u___tmp112 = cooperative_groups_thread_block_tile_32(0u, 0u, 0u);
  cooperative_groups_thread_block_tile_32_cooperative_groups_thread_block_tile_32_0(cw_tid, cw_bid, 0i, &u___tmp112, (rank / 32u), (((n + 32u) - 1u) / 32u));
  var t: cooperative_groups_thread_block_tile_32 = u___tmp112;
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

fn cooperative_groups_reduce_cooperative_groups_thread_block_tile_32_float_cooperative_groups_plus_float_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_g: i32, cw_r_g: ptr<function, cooperative_groups_thread_block_tile_32>, cw_a_val: f32, cw_a_op: cooperative_groups_plus_float) -> f32 {
  var po_g = cw_a_g;
  var val = cw_a_val;
  var op = cw_a_op;
  var n: u32 = cooperative_groups_thread_block_tile_32_size(cw_tid, cw_bid, (*cw_r_g));
  if (((n & (n - 1u)) == 0u)) {
    {
      var m: u32 = (n >> u32(1i));
      loop {
        if !((m > 0u)) { break; }
        val = cooperative_groups_plus_float_operator(cw_tid, cw_bid, op, val, cooperative_groups_thread_block_tile_32_shfl_xor_float(cw_tid, cw_bid, (*cw_r_g), val, m));
        continuing {
          m = (m >> u32(1i));
        }
      }
    }
    return val;
  }
  var r: u32 = cooperative_groups_thread_block_tile_32_thread_rank(cw_tid, cw_bid, (*cw_r_g));
  {
    var d: u32 = 1u;
    loop {
      if !((d < n)) { break; }
      var other: f32 = cooperative_groups_thread_block_tile_32_shfl_down_float(cw_tid, cw_bid, (*cw_r_g), val, d);
      if (((r + d) < n)) {
        val = cooperative_groups_plus_float_operator(cw_tid, cw_bid, op, val, other);
      }
      continuing {
        d = (d << u32(1i));
      }
    }
  }
  return cooperative_groups_thread_block_tile_32_shfl_float(cw_tid, cw_bid, (*cw_r_g), val, 0u);
}

fn cooperative_groups_thread_block_tile_32_size(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_v_self: cooperative_groups_thread_block_tile_32) -> u32 {
  var po_self = 0i;
  return 32u;
}

fn cooperative_groups_thread_block_tile_32_shfl_xor_float(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_v_self: cooperative_groups_thread_block_tile_32, cw_a_var: f32, cw_a_lane_mask: u32) -> f32 {
  var po_self = 0i;
  var u_var = cw_a_var;
  var lane_mask = cw_a_lane_mask;
  cw_wx[cw_lin(cw_tid)] = bitcast<u32>(u_var);
  workgroupBarrier();
  let cw_t0 = cw_lin(cw_tid) % 32u;
  let cw_t2 = u32(i32(lane_mask));
  let cw_t1 = cw_wx[min(cw_lin(cw_tid) - cw_t0 + select(cw_t0, cw_t0 ^ cw_t2, ((cw_t0 ^ cw_t2) - (cw_t0 - cw_t0 % u32(32i))) < u32(32i)), cw_bx * cw_by * cw_bz - 1u)];
  workgroupBarrier();
  return bitcast<f32>(cw_t1);
}

fn cooperative_groups_plus_float_operator(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_v_self: cooperative_groups_plus_float, cw_a_a: f32, cw_a_b: f32) -> f32 {
  var po_self = 0i;
  var a = cw_a_a;
  var b = cw_a_b;
  return (a + b);
}

fn cooperative_groups_thread_block_tile_32_thread_rank(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_v_self: cooperative_groups_thread_block_tile_32) -> u32 {
  var po_self = 0i;
  return (cooperative_groups___cw_detail_lane_id(cw_tid, cw_bid) & (32u - 1u));
}

fn cooperative_groups_thread_block_tile_32_shfl_down_float(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_v_self: cooperative_groups_thread_block_tile_32, cw_a_var: f32, cw_a_delta: u32) -> f32 {
  var po_self = 0i;
  var u_var = cw_a_var;
  var delta = cw_a_delta;
  cw_wx[cw_lin(cw_tid)] = bitcast<u32>(u_var);
  workgroupBarrier();
  let cw_t3 = cw_lin(cw_tid) % 32u;
  let cw_t5 = delta;
  let cw_t4 = cw_wx[min(cw_lin(cw_tid) - cw_t3 + select(cw_t3, cw_t3 + cw_t5, cw_t3 % u32(32i) + cw_t5 < u32(32i)), cw_bx * cw_by * cw_bz - 1u)];
  workgroupBarrier();
  return bitcast<f32>(cw_t4);
}

fn cooperative_groups_thread_block_tile_32_shfl_float(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_v_self: cooperative_groups_thread_block_tile_32, cw_a_var: f32, cw_a_src_rank: u32) -> f32 {
  var po_self = 0i;
  var u_var = cw_a_var;
  var src_rank = cw_a_src_rank;
  cw_wx[cw_lin(cw_tid)] = bitcast<u32>(u_var);
  workgroupBarrier();
  let cw_t6 = cw_lin(cw_tid) % 32u;
  let cw_t8 = u32(i32(src_rank));
  let cw_t7 = cw_wx[min(cw_lin(cw_tid) - cw_t6 + ((cw_t6 - cw_t6 % u32(32i)) + cw_t8 % u32(32i)), cw_bx * cw_by * cw_bz - 1u)];
  workgroupBarrier();
  return bitcast<f32>(cw_t7);
}

fn cooperative_groups_reduce_cooperative_groups_thread_block_tile_32_float_cooperative_groups_greater_float_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_g: i32, cw_r_g: ptr<function, cooperative_groups_thread_block_tile_32>, cw_a_val: f32, cw_a_op: cooperative_groups_greater_float) -> f32 {
  var po_g = cw_a_g;
  var val = cw_a_val;
  var op = cw_a_op;
  var n: u32 = cooperative_groups_thread_block_tile_32_size(cw_tid, cw_bid, (*cw_r_g));
  if (((n & (n - 1u)) == 0u)) {
    {
      var m: u32 = (n >> u32(1i));
      loop {
        if !((m > 0u)) { break; }
        val = cooperative_groups_greater_float_operator(cw_tid, cw_bid, op, val, cooperative_groups_thread_block_tile_32_shfl_xor_float(cw_tid, cw_bid, (*cw_r_g), val, m));
        continuing {
          m = (m >> u32(1i));
        }
      }
    }
    return val;
  }
  var r: u32 = cooperative_groups_thread_block_tile_32_thread_rank(cw_tid, cw_bid, (*cw_r_g));
  {
    var d: u32 = 1u;
    loop {
      if !((d < n)) { break; }
      var other: f32 = cooperative_groups_thread_block_tile_32_shfl_down_float(cw_tid, cw_bid, (*cw_r_g), val, d);
      if (((r + d) < n)) {
        val = cooperative_groups_greater_float_operator(cw_tid, cw_bid, op, val, other);
      }
      continuing {
        d = (d << u32(1i));
      }
    }
  }
  return cooperative_groups_thread_block_tile_32_shfl_float(cw_tid, cw_bid, (*cw_r_g), val, 0u);
}

fn cooperative_groups_greater_float_operator(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_v_self: cooperative_groups_greater_float, cw_a_a: f32, cw_a_b: f32) -> f32 {
  var po_self = 0i;
  var a = cw_a_a;
  var b = cw_a_b;
  return select(a, b, (a < b));
}

fn cooperative_groups_thread_block_tile_32_thread_rank_1(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, cooperative_groups_thread_block_tile_32>) -> u32 {
  var po_self = cw_a_self;
  return (cooperative_groups___cw_detail_lane_id(cw_tid, cw_bid) & (32u - 1u));
}

fn cooperative_groups_thread_block_tile_32_meta_group_rank_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, cooperative_groups_thread_block_tile_32>) -> u32 {
  var po_self = cw_a_self;
  return (*cw_r_self).u___cw_meta_rank;
}

fn cooperative_groups_thread_block_sync_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, cooperative_groups_thread_block>) {
  var po_self = cw_a_self;
  storageBarrier();
  workgroupBarrier();
}

fn cooperative_groups_thread_block_thread_rank_1(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, cooperative_groups_thread_block>) -> u32 {
  var po_self = cw_a_self;
  return cooperative_groups___cw_detail_block_rank(cw_tid, cw_bid);
}

fn cooperative_groups_thread_block_tile_32_meta_group_size_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, cooperative_groups_thread_block_tile_32>) -> u32 {
  var po_self = cw_a_self;
  return (*cw_r_self).u___cw_meta_size;
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn cgReduceBuiltin(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var block: cooperative_groups_thread_block = cooperative_groups_this_thread_block(cw_tid, cw_bid);
  var tile: cooperative_groups_thread_block_tile_32 = cooperative_groups_tiled_partition_32_0(cw_tid, cw_bid, 0i, &block);
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  var v: f32 = select(0.0f, in[i], (i < n));
  var warpSum: f32 = cooperative_groups_reduce_cooperative_groups_thread_block_tile_32_float_cooperative_groups_plus_float_0(cw_tid, cw_bid, 0i, &tile, v, cooperative_groups_plus_float());
  var warpMax: f32 = cooperative_groups_reduce_cooperative_groups_thread_block_tile_32_float_cooperative_groups_greater_float_0(cw_tid, cw_bid, 0i, &tile, v, cooperative_groups_greater_float());
  if ((cooperative_groups_thread_block_tile_32_thread_rank_1(cw_tid, cw_bid, 0i, &tile) == 0u)) {
    s[cooperative_groups_thread_block_tile_32_meta_group_rank_0(cw_tid, cw_bid, 0i, &tile)] = warpSum;
    m[cooperative_groups_thread_block_tile_32_meta_group_rank_0(cw_tid, cw_bid, 0i, &tile)] = warpMax;
  }
  cooperative_groups_thread_block_sync_0(cw_tid, cw_bid, 0i, &block);
  if ((cooperative_groups_thread_block_thread_rank_1(cw_tid, cw_bid, 0i, &block) == 0u)) {
    var total: f32 = 0.0f;
    var best: f32 = m[0i];
    {
      var w: u32 = 0u;
      loop {
        if !((w < cooperative_groups_thread_block_tile_32_meta_group_size_0(cw_tid, cw_bid, 0i, &tile))) { break; }
        total = (total + s[w]);
        best = max(best, m[w]);
        continuing {
          w = (w + 1u);
        }
      }
    }
    sums[cw_bid.x] = total;
    maxes[cw_bid.x] = best;
  }
}

