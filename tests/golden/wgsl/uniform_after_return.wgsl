// ==== kernel exitingRounds ====
// kernel exitingRounds, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) n: i32,
  u_step: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> in: array<i32>;
@group(0) @binding(2) var<storage, read_write> out: array<i32>;
var<workgroup> s: array<i32, 64>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn exitingRounds(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var cw_live = true;
  var n = cw_p.n;
  var u_step = cw_p.u_step;
  var g: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  if ((g >= n)) {
    out[g] = (-1i);
    cw_live = false;
  }
  var rounds: i32 = ((8i / u_step) + 1i);
  var v: i32 = in[g];
  {
    var r: i32 = 0i;
    loop {
      if !((r < rounds)) { break; }
      s[cw_tid.x] = v;
      storageBarrier();
      workgroupBarrier();
      v = (v + s[((cw_tid.x + 1u) % 64u)]);
      storageBarrier();
      workgroupBarrier();
      continuing {
        r = (r + 1i);
      }
    }
  }
  if (cw_live) {
    out[g] = v;
  }
}

