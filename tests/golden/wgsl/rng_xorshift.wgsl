// ==== kernel fillUniform ====
// kernel fillUniform, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) seed: u32,
  n: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read_write> out: array<f32>;

fn xorshift32_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_s: i32, cw_r_s: ptr<function, u32>) -> u32 {
  var po_s = cw_a_s;
  (*cw_r_s) = ((*cw_r_s) ^ ((*cw_r_s) << u32(13i)));
  (*cw_r_s) = ((*cw_r_s) ^ ((*cw_r_s) >> u32(17i)));
  (*cw_r_s) = ((*cw_r_s) ^ ((*cw_r_s) << u32(5i)));
  return (*cw_r_s);
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn fillUniform(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var seed = cw_p.seed;
  var n = cw_p.n;
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  if ((i >= n)) {
    return;
  }
  var s: u32 = (seed ^ ((u32(i) * 747796405u) + 1u));
  if ((s == 0u)) {
    s = 1u;
  }
  _ = xorshift32_0(cw_tid, cw_bid, 0i, &s);
  out[i] = (f32(xorshift32_0(cw_tid, cw_bid, 0i, &s)) * 2.32830644e-10f);
}

// ==== kernel fillNormal ====
// kernel fillNormal, from <source> by cuwasm

struct SplitMix64 {
  state: vec2<u32>,
}

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) seed: vec2<u32>,
  pairs: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read_write> out: array<f32>;

fn cw_add64(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> { let lo = a.x + b.x; return vec2<u32>(lo, a.y + b.y + select(0u, 1u, lo < a.x)); }

fn cw_mul32x32(a: u32, b: u32) -> vec2<u32> {
  let al = a & 0xffffu; let ah = a >> 16u; let bl = b & 0xffffu; let bh = b >> 16u;
  let ll = al * bl; let lh = al * bh; let hl = ah * bl;
  let mid = (ll >> 16u) + (lh & 0xffffu) + (hl & 0xffffu);
  return vec2<u32>((ll & 0xffffu) | (mid << 16u), ah * bh + (lh >> 16u) + (hl >> 16u) + (mid >> 16u));
}

fn cw_mul64(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> { let p = cw_mul32x32(a.x, b.x); return vec2<u32>(p.x, p.y + a.x * b.y + a.y * b.x); }

fn cw_shl64(a: vec2<u32>, n: u32) -> vec2<u32> {
  let s = n & 63u;
  if (s == 0u) { return a; }
  if (s >= 32u) { return vec2<u32>(0u, a.x << (s - 32u)); }
  return vec2<u32>(a.x << s, (a.y << s) | (a.x >> (32u - s)));
}

fn cw_shr64u(a: vec2<u32>, n: u32) -> vec2<u32> {
  let s = n & 63u;
  if (s == 0u) { return a; }
  if (s >= 32u) { return vec2<u32>(a.y >> (s - 32u), 0u); }
  return vec2<u32>((a.x >> s) | (a.y << (32u - s)), a.y >> s);
}

fn cw_u64f(a: vec2<u32>) -> f32 {
  if (a.y == 0u && a.x < 0x1000000u) { return f32(a.x); }
  let lz = u32(cw_clz64(a)); let n = cw_shl64(a, lz);
  var m = n.y >> 8u;
  if (((n.y >> 7u) & 1u) == 1u && (((n.y & 0x7fu) | n.x) != 0u || (m & 1u) == 1u)) { m = m + 1u; }
  return bitcast<f32>(((189u - lz) << 23u) + m);
}

fn cw_clz64(a: vec2<u32>) -> i32 { return i32(select(countLeadingZeros(a.x) + 32u, countLeadingZeros(a.y), a.y != 0u)); }

fn cw_trig_r(x: f32, k: f32) -> f32 {
  return ((x - k * 0x1.92p+0f) - k * 0x1.fb4p-12f) - k * 0x1.4442d2p-24f;
}

fn cw_sin_r(r: f32) -> f32 {
  let z = r * r;
  return fma(((-0x1.9943f2p-13f * z + 0x1.11073cp-7f) * z - 0x1.555546p-3f) * z, r, r);
}

fn cw_cos_r(r: f32) -> f32 {
  let z = r * r;
  return fma(((0x1.99eb9cp-16f * z - 0x1.6c0c34p-10f) * z + 0x1.55554ap-5f) * z, z, 1.0f - 0.5f * z);
}

fn cw_sin(x: f32) -> f32 {
  let k = round(x * 0x1.45f306p-1f);
  let r = cw_trig_r(x, k);
  let q = i32(k) & 3;
  let v = select(cw_sin_r(r), cw_cos_r(r), (q & 1) == 1);
  return select(v, -v, q >= 2);
}

fn cw_cos(x: f32) -> f32 {
  let k = round(x * 0x1.45f306p-1f);
  let r = cw_trig_r(x, k);
  let q = i32(k) & 3;
  let v = select(cw_cos_r(r), cw_sin_r(r), (q & 1) == 1);
  return select(v, -v, q == 1 || q == 2);
}

fn SplitMix64_uniform_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, SplitMix64>) -> f32 {
  var po_self = cw_a_self;
  return (cw_u64f(cw_shr64u(SplitMix64_next_0(cw_tid, cw_bid, po_self, cw_r_self), u32(40i))) * (1.0f / 16777216.0f));
}

fn SplitMix64_next_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_self: i32, cw_r_self: ptr<function, SplitMix64>) -> vec2<u32> {
  var po_self = cw_a_self;
  (*cw_r_self).state = cw_add64((*cw_r_self).state, vec2<u32>(2135587861u, 2654435769u));
  var z: vec2<u32> = (*cw_r_self).state;
  z = cw_mul64((z ^ cw_shr64u(z, u32(30i))), vec2<u32>(484763065u, 3210233709u));
  z = cw_mul64((z ^ cw_shr64u(z, u32(27i))), vec2<u32>(321982955u, 2496678331u));
  return (z ^ cw_shr64u(z, u32(31i)));
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn fillNormal(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var seed = cw_p.seed;
  var pairs = cw_p.pairs;
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  if ((i >= pairs)) {
    return;
  }
  var rng: SplitMix64 = SplitMix64(cw_add64(seed, cw_mul64(vec2<u32>(bitcast<u32>(i), select(0u, 0xffffffffu, i < 0i)), vec2<u32>(3652509721u, 1663821211u))));
  var u1: f32 = max(SplitMix64_uniform_0(cw_tid, cw_bid, 0i, &rng), 1.00000001e-07f);
  var u2: f32 = SplitMix64_uniform_0(cw_tid, cw_bid, 0i, &rng);
  var r: f32 = sqrt(((-2.0f) * log(u1)));
  var s: f32;
  var c: f32;
  let cw_t0 = (6.28318548f * u2);
  s = cw_sin(cw_t0);
  c = cw_cos(cw_t0);
  out[(2i * i)] = (r * c);
  out[((2i * i) + 1i)] = (r * s);
}

// ==== kernel monteCarloPi ====
// kernel monteCarloPi, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) seed: u32,
  samplesPerThread: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read_write> hits: array<atomic<u32>>;
var<workgroup> blockHits: atomic<u32>;

fn xorshift32_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_s: i32, cw_r_s: ptr<function, u32>) -> u32 {
  var po_s = cw_a_s;
  (*cw_r_s) = ((*cw_r_s) ^ ((*cw_r_s) << u32(13i)));
  (*cw_r_s) = ((*cw_r_s) ^ ((*cw_r_s) >> u32(17i)));
  (*cw_r_s) = ((*cw_r_s) ^ ((*cw_r_s) << u32(5i)));
  return (*cw_r_s);
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn monteCarloPi(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var seed = cw_p.seed;
  var samplesPerThread = cw_p.samplesPerThread;
  if ((cw_tid.x == 0u)) {
    atomicStore(&blockHits, 0u);
  }
  storageBarrier();
  workgroupBarrier();
  var s: u32 = ((((seed * 2654435761u) + (cw_bid.x * cw_bx)) + cw_tid.x) + 1u);
  var mine: u32 = 0u;
  {
    var k: i32 = 0i;
    loop {
      if !((k < samplesPerThread)) { break; }
      var x: f32 = (f32(xorshift32_0(cw_tid, cw_bid, 0i, &s)) * 2.32830644e-10f);
      var y: f32 = (f32(xorshift32_0(cw_tid, cw_bid, 0i, &s)) * 2.32830644e-10f);
      mine = (mine + u32((((x * x) + (y * y)) <= 1.0f)));
      continuing {
        k = (k + 1i);
      }
    }
  }
  _ = atomicAdd(&blockHits, mine);
  storageBarrier();
  workgroupBarrier();
  if ((cw_tid.x == 0u)) {
    let cw_t0 = 2u * u32(0i);
    let cw_t1 = vec2<u32>(atomicLoad(&blockHits), 0u);
    let cw_t2 = atomicAdd(&hits[cw_t0], cw_t1.x);
    let cw_t3 = atomicAdd(&hits[cw_t0 + 1u], cw_t1.y + select(0u, 1u, cw_t2 + cw_t1.x < cw_t2));
    _ = vec2<u32>(cw_t2, cw_t3);
  }
}

