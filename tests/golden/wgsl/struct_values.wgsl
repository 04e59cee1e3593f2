// ==== kernel structValues ====
// kernel structValues, from <source> by cuwasm

struct Pair {
  w: f32,
  n: i32,
  v: vec2<f32>,
  k: array<i32, 3>,
}

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read_write> out: array<f32>;
@group(0) @binding(2) var<storage, read_write> ints: array<i32>;
@group(0) @binding(3) var<storage, read_write> counts: array<atomic<i32>>;

fn make_pair(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_w: f32, cw_a_n: i32) -> Pair {
  var w = cw_a_w;
  var n = cw_a_n;
  var p: Pair;
  p.w = w;
  p.n = n;
  p.v = vec2<f32>((w * 2.0f), (w + 1.0f));
  {
    var j: i32 = 0i;
    loop {
      if !((j < 3i)) { break; }
      p.k[j] = (n + j);
      continuing {
        j = (j + 1i);
      }
    }
  }
  return p;
}

fn counted_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_count: i32, cw_a_w: f32) -> Pair {
  var po_count = cw_a_count;
  var w = cw_a_w;
  _ = atomicAdd(&counts[po_count], 1i);
  return make_pair(cw_tid, cw_bid, w, 7i);
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn structValues(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  var a: Pair = make_pair(cw_tid, cw_bid, 1.5f, i);
  var b: Pair = make_pair(cw_tid, cw_bid, (-2.0f), (-i));
  var cw_t0: Pair;
  if (((i & 1i) != 0i)) {
    cw_t0 = a;
  } else {
    cw_t0 = b;
  }
  var s: Pair = cw_t0;
  var cw_t1: Pair;
  if (((i % 3i) == 0i)) {
    cw_t1 = counted_0(cw_tid, cw_bid, (0i + 0i), 3.0f);
  } else {
    var cw_t2: Pair;
    if (((i % 3i) == 1i)) {
      cw_t2 = a;
    } else {
      cw_t2 = counted_0(cw_tid, cw_bid, (0i + 1i), 4.0f);
    }
    cw_t1 = cw_t2;
  }
  var t: Pair = cw_t1;
  var cw_t3: Pair;
  if (((i & 4i) != 0i)) {
    cw_t3 = a;
  } else {
    cw_t3 = b;
  }
  var w: f32 = (((s.w + t.w) + (make_pair(cw_tid, cw_bid, 0.25f, i)).v.y) + (cw_t3).v.x);
  var cw_t4: Pair;
  if (((i & 2i) != 0i)) {
    cw_t4 = s;
  } else {
    cw_t4 = t;
  }
  w = (w + select(0.5f, (cw_t4).w, ((i & 16i) != 0i)));
  var cw_t5: Pair;
  if (((i & 8i) != 0i)) {
    cw_t5 = s;
  } else {
    cw_t5 = t;
  }
  var n: i32 = ((((make_pair(cw_tid, cw_bid, 0.0f, (i * 2i))).n + (make_pair(cw_tid, cw_bid, 1.0f, i)).k[(i % 3i)]) + t.n) + (cw_t5).k[2i]);
  out[i] = w;
  ints[i] = n;
}

