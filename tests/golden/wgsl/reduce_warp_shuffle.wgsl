// ==== kernel reduceShuffle ====
// not emitted: call to 'warpReduceSum', which synchronises the block, under thread-dependent control flow: WGSL needs barriers in uniform control flow

// ==== kernel allReduceXor ====
// kernel allReduceXor, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> in: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;
var<workgroup> cw_wx: array<u32, cw_bx * cw_by * cw_bz>;

fn cw_lin(t: vec3<u32>) -> u32 { return t.x + cw_bx * (t.y + cw_by * t.z); }

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn allReduceXor(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  var v: f32 = in[i];
  {
    var mask: i32 = 16i;
    loop {
      if !((mask >= 1i)) { break; }
      cw_wx[cw_lin(cw_tid)] = bitcast<u32>(v);
      workgroupBarrier();
      let cw_t0 = cw_lin(cw_tid) % 32u;
      let cw_t2 = u32(mask);
      let cw_t1 = cw_wx[min(cw_lin(cw_tid) - cw_t0 + select(cw_t0, cw_t0 ^ cw_t2, ((cw_t0 ^ cw_t2) - (cw_t0 - cw_t0 % u32(32i))) < u32(32i)), cw_bx * cw_by * cw_bz - 1u)];
      workgroupBarrier();
      v = (v + bitcast<f32>(cw_t1));
      continuing {
        mask = (mask >> u32(1i));
      }
    }
  }
  out[i] = v;
}

