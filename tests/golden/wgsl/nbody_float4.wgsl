// ==== kernel bodyForces ====
// kernel bodyForces, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) n: i32,
  softening: f32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> pos: array<vec4<f32>>;
@group(0) @binding(2) var<storage, read_write> accel: array<f32>;
var<workgroup> shPos: array<vec4<f32>, 128>;

fn bodyBodyInteraction(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_bi: vec4<f32>, cw_a_bj: vec4<f32>, cw_a_ai: vec3<f32>, cw_a_softening2: f32) -> vec3<f32> {
  var bi = cw_a_bi;
  var bj = cw_a_bj;
  var ai = cw_a_ai;
  var softening2 = cw_a_softening2;
  var r: vec3<f32>;
  r.x = (bj.x - bi.x);
  r.y = (bj.y - bi.y);
  r.z = (bj.z - bi.z);
  var distSqr: f32 = ((((r.x * r.x) + (r.y * r.y)) + (r.z * r.z)) + softening2);
  var invDist: f32 = inverseSqrt(distSqr);
  var invDist3: f32 = ((invDist * invDist) * invDist);
  var s: f32 = (bj.w * invDist3);
  ai.x = (ai.x + (r.x * s));
  ai.y = (ai.y + (r.y * s));
  ai.z = (ai.z + (r.z * s));
  return ai;
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn bodyForces(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var softening = cw_p.softening;
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  var myPos: vec4<f32> = select(vec4<f32>(0.0f, 0.0f, 0.0f, 0.0f), pos[i], (i < n));
  var acc: vec3<f32> = vec3<f32>(0.0f, 0.0f, 0.0f);
  var soft2: f32 = (softening * softening);
  {
    var tile: i32 = 0i;
    loop {
      if !((tile < (((n + 128i) - 1i) / 128i))) { break; }
      var j: i32 = i32((u32((tile * 128i)) + cw_tid.x));
      shPos[cw_tid.x] = select(vec4<f32>(0.0f, 0.0f, 0.0f, 0.0f), pos[j], (j < n));
      storageBarrier();
      workgroupBarrier();
      {
      }
      {
        var k: i32 = 0i;
        loop {
          if !((k < 128i)) { break; }
          acc = bodyBodyInteraction(cw_tid, cw_bid, myPos, shPos[k], acc, soft2);
          continuing {
            k = (k + 1i);
          }
        }
      }
      storageBarrier();
      workgroupBarrier();
      continuing {
        tile = (tile + 1i);
      }
    }
  }
  if ((i < n)) {
    accel[((3i * i) + 0i)] = acc.x;
    accel[((3i * i) + 1i)] = acc.y;
    accel[((3i * i) + 2i)] = acc.z;
  }
}

// ==== kernel integrate ====
// kernel integrate, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) n: i32,
  dt: f32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read_write> pos: array<vec4<f32>>;
@group(0) @binding(2) var<storage, read_write> vel: array<f32>;
@group(0) @binding(3) var<storage, read> accel: array<f32>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn integrate(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var dt = cw_p.dt;
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  if ((i >= n)) {
    return;
  }
  var p: vec4<f32> = pos[i];
  var v: vec3<f32> = vec3<f32>(vel[(3i * i)], vel[((3i * i) + 1i)], vel[((3i * i) + 2i)]);
  v.x = (v.x + (accel[(3i * i)] * dt));
  v.y = (v.y + (accel[((3i * i) + 1i)] * dt));
  v.z = (v.z + (accel[((3i * i) + 2i)] * dt));
  p.x = (p.x + (v.x * dt));
  p.y = (p.y + (v.y * dt));
  p.z = (p.z + (v.z * dt));
  pos[i] = p;
  vel[(3i * i)] = v.x;
  vel[((3i * i) + 1i)] = v.y;
  vel[((3i * i) + 2i)] = v.z;
}

