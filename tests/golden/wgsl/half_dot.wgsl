// ==== kernel halfDot ====
// kernel halfDot, from <source> by cuwasm

enable f16; // __half: needs an adapter with shader-f16

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) n2: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> a: array<vec2<f16>>;
@group(0) @binding(2) var<storage, read> b: array<vec2<f16>>;
@group(0) @binding(3) var<storage, read_write> result: array<atomic<u32>>;
var<workgroup> partial: array<f32, 128>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn halfDot(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n2 = cw_p.n2;
  var acc: vec2<f16> = vec2<f16>(f16(0.0f));
  {
    var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
    loop {
      if !((i < n2)) { break; }
      acc = fma(a[i], b[i], acc);
      continuing {
        i = i32((u32(i) + (cw_bx * cw_p.cw_grid.x)));
      }
    }
  }
  partial[cw_tid.x] = (f32((acc).x) + f32((acc).y));
  storageBarrier();
  workgroupBarrier();
  {
    var s: i32 = i32((cw_bx / 2u));
    loop {
      if !((s > 0i)) { break; }
      if ((cw_tid.x < u32(s))) {
        partial[cw_tid.x] = (partial[cw_tid.x] + partial[(cw_tid.x + u32(s))]);
      }
      storageBarrier();
      workgroupBarrier();
      continuing {
        s = (s >> u32(1i));
      }
    }
  }
  if ((cw_tid.x == 0u)) {
    let cw_t0 = partial[0i];
    var cw_t1 = atomicLoad(&result[0]);
    loop {
      let cw_t2 = atomicCompareExchangeWeak(&result[0], cw_t1, bitcast<u32>(bitcast<f32>(cw_t1) + cw_t0));
      if (cw_t2.exchanged) { break; }
      cw_t1 = cw_t2.old_value;
    }
    _ = bitcast<f32>(cw_t1);
  }
}

// ==== kernel floatToHalf ====
// kernel floatToHalf, from <source> by cuwasm

enable f16; // __half: needs an adapter with shader-f16

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
@group(0) @binding(2) var<storage, read_write> out: array<f16>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn floatToHalf(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  if ((i < n)) {
    out[i] = f16(in[i]);
  }
}

// ==== kernel halfAxpy ====
// kernel halfAxpy, from <source> by cuwasm

enable f16; // __half: needs an adapter with shader-f16

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) n: i32,
  alpha: f32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> x: array<f16>;
@group(0) @binding(2) var<storage, read_write> y: array<f16>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn halfAxpy(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var alpha = cw_p.alpha;
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  if ((i < n)) {
    var a: f16 = f16(alpha);
    y[i] = ((a * x[i]) + y[i]);
  }
}

// ==== kernel halfRelu ====
// kernel halfRelu, from <source> by cuwasm

enable f16; // __half: needs an adapter with shader-f16

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) n: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read_write> x: array<f16>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn halfRelu(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  if ((i >= n)) {
    return;
  }
  var zero: f16 = f16(0.0f);
  if ((x[i] < zero)) {
    x[i] = zero;
  }
  var pair: vec2<f16> = vec2<f16>(f16(f32(x[i])), f16(1.0f));
  pair = (pair * vec2<f16>(f16(1.0f)));
  x[i] = (pair).x;
}

