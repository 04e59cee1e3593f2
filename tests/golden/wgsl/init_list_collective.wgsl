// ==== kernel listCollective ====
// kernel listCollective, from <source> by cuwasm

struct Pair {
  x: i32,
  y: i32,
}

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
var<workgroup> cw_wx: array<u32, cw_bx * cw_by * cw_bz>;

fn cw_lin(t: vec3<u32>) -> u32 { return t.x + cw_bx * (t.y + cw_by * t.z); }

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn listCollective(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var t: i32 = i32(cw_tid.x);
  var i: i32 = i32(((cw_bid.x * cw_bx) + u32(t)));
  s[t] = in[i];
  storageBarrier();
  workgroupBarrier();
  cw_wx[cw_lin(cw_tid)] = bitcast<u32>(s[t]);
  workgroupBarrier();
  let cw_t0 = cw_lin(cw_tid) % 32u;
  let cw_t2 = u32(3i);
  let cw_t1 = cw_wx[min(cw_lin(cw_tid) - cw_t0 + ((cw_t0 - cw_t0 % u32(32i)) + cw_t2 % u32(32i)), cw_bx * cw_by * cw_bz - 1u)];
  workgroupBarrier();
  cw_wx[cw_lin(cw_tid)] = bitcast<u32>(s[t]);
  workgroupBarrier();
  let cw_t3 = cw_lin(cw_tid) % 32u;
  let cw_t5 = u32(1i);
  let cw_t4 = cw_wx[min(cw_lin(cw_tid) - cw_t3 + select(cw_t3, cw_t3 ^ cw_t5, ((cw_t3 ^ cw_t5) - (cw_t3 - cw_t3 % u32(32i))) < u32(32i)), cw_bx * cw_by * cw_bz - 1u)];
  workgroupBarrier();
  var a: array<i32, 3> = array<i32, 3>(t, bitcast<i32>(cw_t1), bitcast<i32>(cw_t4));
  cw_wx[cw_lin(cw_tid)] = bitcast<u32>(s[t]);
  workgroupBarrier();
  let cw_t6 = cw_lin(cw_tid) % 32u;
  let cw_t8 = u32(5i);
  let cw_t7 = cw_wx[min(cw_lin(cw_tid) - cw_t6 + ((cw_t6 - cw_t6 % u32(32i)) + cw_t8 % u32(32i)), cw_bx * cw_by * cw_bz - 1u)];
  workgroupBarrier();
  var p: Pair = Pair((t + 1i), bitcast<i32>(cw_t7));
  storageBarrier();
  workgroupBarrier();
  out[((5i * i) + 0i)] = a[0i];
  out[((5i * i) + 1i)] = a[1i];
  out[((5i * i) + 2i)] = a[2i];
  out[((5i * i) + 3i)] = p.x;
  out[((5i * i) + 4i)] = p.y;
}

