// ==== kernel switchPhase ====
// kernel switchPhase, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) mode: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read_write> data: array<i32>;
var<workgroup> s: array<i32, 128>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn switchPhase(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var mode = cw_p.mode;
  var t: i32 = i32(cw_tid.x);
  var g: i32 = i32(((cw_bid.x * cw_bx) + u32(t)));
  s[t] = data[g];
  storageBarrier();
  workgroupBarrier();
  switch (mode) {
    case 1i: {
      {
        var v: i32 = s[((cw_bx - 1u) - u32(t))];
        storageBarrier();
        workgroupBarrier();
        s[t] = (v * 2i);
        storageBarrier();
        workgroupBarrier();
        break;
      }
      {
        var v: i32 = s[(u32((t + 1i)) % cw_bx)];
        storageBarrier();
        workgroupBarrier();
        s[t] = v;
        storageBarrier();
        workgroupBarrier();
        break;
      }
    }
    case 0i: {
      {
        var v: i32 = s[(u32((t + 1i)) % cw_bx)];
        storageBarrier();
        workgroupBarrier();
        s[t] = v;
        storageBarrier();
        workgroupBarrier();
        break;
      }
    }
    case default: {
    }
  }
  data[g] = (s[t] + 1i);
}

// ==== kernel gotoRounds ====
// not emitted: the WGSL target does not support goto and labels

// ==== kernel stepBarrierScan ====
// not emitted: the WGSL target does not support '__syncthreads' yet

// ==== kernel switchWarp ====
// not emitted: the WGSL target does not support '__shfl_xor_sync' yet

// ==== kernel switchCount ====
// not emitted: the WGSL target does not support '__syncthreads_count' yet

// ==== kernel switchExit ====
// not emitted: the WGSL target does not support '__syncthreads_count' yet

// ==== kernel switchWarpMore ====
// not emitted: the WGSL target does not support '__reduce_add_sync' yet

