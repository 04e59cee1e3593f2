// ==== kernel oddEvenTransposition ====
// kernel oddEvenTransposition, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) n: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read_write> a: array<i32>;
var<workgroup> s: array<i32, 256>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn oddEvenTransposition(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var t: i32 = i32(cw_tid.x);
  if ((t < n)) {
    s[t] = a[t];
  }
  storageBarrier();
  workgroupBarrier();
  {
    var phase: i32 = 0i;
    loop {
      if !((phase < n)) { break; }
      var i: i32 = ((2i * t) + (phase & 1i));
      if ((((i + 1i) < n) && (s[i] > s[(i + 1i)]))) {
        var tmp: i32 = s[i];
        s[i] = s[(i + 1i)];
        s[(i + 1i)] = tmp;
      }
      storageBarrier();
      workgroupBarrier();
      continuing {
        phase = (phase + 1i);
      }
    }
  }
  if ((t < n)) {
    a[t] = s[t];
  }
}

// ==== kernel oddEvenMergeStep ====
// kernel oddEvenMergeStep, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) n: i32,
  p: i32,
  k: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read_write> a: array<f32>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn oddEvenMergeStep(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var p = cw_p.p;
  var k = cw_p.k;
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  var j: i32 = ((i % k) + (((i / k) * 2i) * k));
  var lo: i32 = (j + (k % p));
  var hi: i32 = (lo + k);
  if (((hi < n) && ((lo / (p * 2i)) == (hi / (p * 2i))))) {
    var x: f32 = a[lo];
    var y: f32 = a[hi];
    if ((x > y)) {
      a[lo] = y;
      a[hi] = x;
    }
  }
}

