// ==== kernel gather ====
// kernel gather, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) n: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> src: array<f32>;
@group(0) @binding(2) var<storage, read> idx: array<i32>;
@group(0) @binding(3) var<storage, read_write> dst: array<f32>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn gather(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  if ((i < n)) {
    dst[i] = src[((idx[i] & 2147483647i) % n)];
  }
}

// ==== kernel scatterAdd ====
// kernel scatterAdd, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) n: i32,
  m: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> src: array<f32>;
@group(0) @binding(2) var<storage, read> idx: array<i32>;
@group(0) @binding(3) var<storage, read_write> dst: array<atomic<u32>>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn scatterAdd(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var m = cw_p.m;
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  if ((i < n)) {
    let cw_t0 = src[i];
    var cw_t1 = atomicLoad(&dst[(u32(idx[i]) % u32(m))]);
    loop {
      let cw_t2 = atomicCompareExchangeWeak(&dst[(u32(idx[i]) % u32(m))], cw_t1, bitcast<u32>(bitcast<f32>(cw_t1) + cw_t0));
      if (cw_t2.exchanged) { break; }
      cw_t1 = cw_t2.old_value;
    }
    _ = bitcast<f32>(cw_t1);
  }
}

// ==== kernel permute ====
// kernel permute, from <source> by cuwasm

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
@group(0) @binding(2) var<storage, read_write> out: array<atomic<u32>>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn permute(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  if ((i < n)) {
    var j: u32 = ((u32(i) * 2654435761u) & u32((n - 1i)));
    let cw_t0 = u32(0i + i);
    let cw_t1 = u32(0i + i32(j));
    let cw_t2 = ((cw_t1 % 2u) * 16u);
    atomicAnd(&out[(cw_t1 / 2u)], ~(0xffffu << cw_t2)); atomicOr(&out[(cw_t1 / 2u)], (u32(extractBits(bitcast<i32>(in[(cw_t0 / 2u)]), ((cw_t0 % 2u) * 16u), 16u)) & 0xffffu) << cw_t2);
  }
}

// ==== kernel gatherBytes ====
// kernel gatherBytes, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) n: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> src: array<u32>;
@group(0) @binding(2) var<storage, read> idx: array<vec2<u32>>;
@group(0) @binding(3) var<storage, read_write> dst: array<atomic<u32>>;

fn cw_add64(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> { let lo = a.x + b.x; return vec2<u32>(lo, a.y + b.y + select(0u, 1u, lo < a.x)); }

fn cw_sub64(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> { return vec2<u32>(a.x - b.x, a.y - b.y - select(0u, 1u, a.x < b.x)); }

fn cw_shl64(a: vec2<u32>, n: u32) -> vec2<u32> {
  let s = n & 63u;
  if (s == 0u) { return a; }
  if (s >= 32u) { return vec2<u32>(0u, a.x << (s - 32u)); }
  return vec2<u32>(a.x << s, (a.y << s) | (a.x >> (32u - s)));
}

fn cw_lt64u(a: vec2<u32>, b: vec2<u32>) -> bool { return a.y < b.y || (a.y == b.y && a.x < b.x); }

fn cw_lt64s(a: vec2<u32>, b: vec2<u32>) -> bool { let x = bitcast<i32>(a.y); let y = bitcast<i32>(b.y); return x < y || (x == y && a.x < b.x); }

fn cw_udivmod64(n: vec2<u32>, d: vec2<u32>) -> vec4<u32> {
  var q = vec2<u32>(0u, 0u);
  var r = vec2<u32>(0u, 0u);
  for (var i = 63i; i >= 0i; i--) {
    r = cw_shl64(r, 1u);
    r.x = r.x | select((n.x >> u32(i)) & 1u, (n.y >> u32(i - 32i)) & 1u, i >= 32i);
    if (!cw_lt64u(r, d)) {
      r = cw_sub64(r, d);
      if (i >= 32i) { q.y = q.y | (1u << u32(i - 32i)); } else { q.x = q.x | (1u << u32(i)); }
    }
  }
  return vec4<u32>(q, r);
}

fn cw_abs64(a: vec2<u32>) -> vec2<u32> { return select(a, cw_sub64(vec2<u32>(0u, 0u), a), (a.y >> 31u) == 1u); }

fn cw_mod64s(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> {
  let r = cw_udivmod64(cw_abs64(a), cw_abs64(b)).zw;
  return select(r, cw_sub64(vec2<u32>(0u, 0u), r), (a.y >> 31u) == 1u);
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn gatherBytes(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var i: i32 = i32(cw_tid.x);
  if ((i < n)) {
    var k: vec2<u32> = cw_mod64s(idx[i], vec2<u32>(bitcast<u32>(n), select(0u, 0xffffffffu, n < 0i)));
    if (cw_lt64s(k, vec2<u32>(0u, 0u))) {
      k = cw_add64(k, vec2<u32>(bitcast<u32>(n), select(0u, 0xffffffffu, n < 0i)));
    }
    let cw_t0 = u32(0i + bitcast<i32>(k.x));
    let cw_t1 = u32(0i + i);
    let cw_t2 = ((cw_t1 % 4u) * 8u);
    atomicAnd(&dst[(cw_t1 / 4u)], ~(0xffu << cw_t2)); atomicOr(&dst[(cw_t1 / 4u)], (u32(extractBits(src[(cw_t0 / 4u)], ((cw_t0 % 4u) * 8u), 8u)) & 0xffu) << cw_t2);
  }
}

