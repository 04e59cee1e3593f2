// ==== kernel reverseTwice ====
// kernel reverseTwice, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> in: array<i32>;
@group(0) @binding(2) var<storage, read_write> out: array<i32>;
var<workgroup> s: array<i32, 64>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn reverseTwice(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  s[cw_tid.x] = in[i];
  storageBarrier();
  workgroupBarrier();
  i = i32(((cw_bid.x * cw_bx) + ((cw_bx - 1u) - cw_tid.x)));
  {
    var k: i32 = 0i;
    loop {
      if !((k < 2i)) { break; }
      out[i] = (out[i] + (s[cw_tid.x] * (k + 1i)));
      continuing {
        k = (k + 1i);
      }
    }
  }
  var j: i32 = i;
  storageBarrier();
  workgroupBarrier();
  i = ((j - i32(((cw_bx - 1u) - cw_tid.x))) + i32(cw_tid.x));
  out[i] = (out[i] + (1000i * i32((u32(i) == ((cw_bid.x * cw_bx) + cw_tid.x)))));
}

// ==== kernel nestedAssign ====
// kernel nestedAssign, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> in: array<i32>;
@group(0) @binding(2) var<storage, read_write> out: array<i32>;
var<workgroup> s: array<i32, 32>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn nestedAssign(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  s[cw_tid.x] = in[i];
  storageBarrier();
  workgroupBarrier();
  {
    i = i32(((cw_bid.x * cw_bx) + (31u - cw_tid.x)));
  }
  out[i] = (s[cw_tid.x] + 7i);
}

