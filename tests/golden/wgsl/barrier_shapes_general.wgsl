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
// kernel gotoRounds, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) rounds: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read_write> data: array<f32>;
var<workgroup> s: array<f32, 128>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn gotoRounds(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var rounds = cw_p.rounds;
  var t: i32 = i32(cw_tid.x);
  var g: i32 = i32(((cw_bid.x * cw_bx) + u32(t)));
  var r: i32 = 0i;
  s[t] = data[g];
  loop { // again:
    storageBarrier();
    workgroupBarrier();
    var v: f32 = s[(u32((t + 1i)) % cw_bx)];
    storageBarrier();
    workgroupBarrier();
    s[t] = (0.5f * (s[t] + v));
    r = (r + 1i);
    if ((r < rounds)) {
      continue;
    }
    break;
  }
  storageBarrier();
  workgroupBarrier();
  data[g] = s[t];
}

// ==== kernel stepBarrierScan ====
// kernel stepBarrierScan, from <source> by cuwasm

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
var<workgroup> s: array<i32, 128>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn stepBarrierScan(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var t: i32 = i32(cw_tid.x);
  var g: i32 = i32(((cw_bid.x * cw_bx) + u32(t)));
  s[t] = in[g];
  var v: i32;
  {
    var d: i32 = 1i;
    loop {
      if !((u32(d) < cw_bx)) { break; }
      storageBarrier();
      workgroupBarrier();
      v = s[t];
      if ((t >= d)) {
        v = (v + s[(t - d)]);
      }
      continuing {
        d = (d << u32(1i));
        storageBarrier();
        workgroupBarrier();
        s[t] = v;
        storageBarrier();
        workgroupBarrier();
      }
    }
  }
  out[g] = s[t];
}

// ==== kernel switchWarp ====
// kernel switchWarp, from <source> by cuwasm

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
var<workgroup> cw_wx: array<u32, cw_bx * cw_by * cw_bz>;

fn cw_lin(t: vec3<u32>) -> u32 { return t.x + cw_bx * (t.y + cw_by * t.z); }

fn cw_warp_mask(t: vec3<u32>) -> u32 {
  let n = min(32u, cw_bx * cw_by * cw_bz - (cw_lin(t) - cw_lin(t) % 32u));
  return select((1u << n) - 1u, 0xffffffffu, n == 32u);
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn switchWarp(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var t: i32 = i32(cw_tid.x);
  var g: i32 = i32(((cw_bid.x * cw_bx) + u32(t)));
  var v: i32 = in[g];
  let cw_t0 = (t & 1i); // a switch whose arms run in every thread, each undone where not selected
  let cw_t1 = cw_t0 == 0i;
  let cw_t2 = v;
  {
    cw_wx[cw_lin(cw_tid)] = bitcast<u32>(v);
    workgroupBarrier();
    let cw_t3 = cw_lin(cw_tid) % 32u;
    let cw_t5 = u32(2i);
    let cw_t4 = cw_wx[min(cw_lin(cw_tid) - cw_t3 + select(cw_t3, cw_t3 ^ cw_t5, ((cw_t3 ^ cw_t5) - (cw_t3 - cw_t3 % u32(32i))) < u32(32i)), cw_bx * cw_by * cw_bz - 1u)];
    workgroupBarrier();
    v = (v + bitcast<i32>(cw_t4));
  }
  if (!cw_t1) {
    v = cw_t2;
  }
  let cw_t6 = !(cw_t0 == 0i);
  let cw_t7 = v;
  {
    cw_wx[cw_lin(cw_tid)] = bitcast<u32>(v);
    workgroupBarrier();
    let cw_t8 = cw_lin(cw_tid) % 32u;
    let cw_t10 = 2u;
    let cw_t9 = cw_wx[min(cw_lin(cw_tid) - cw_t8 + select(cw_t8, cw_t8 + cw_t10, cw_t8 % u32(32i) + cw_t10 < u32(32i)), cw_bx * cw_by * cw_bz - 1u)];
    workgroupBarrier();
    v = (bitcast<i32>(cw_t9) * 10i);
    let cw_t11 = 2863311530u;
    cw_wx[cw_lin(cw_tid)] = bitcast<u32>(i32(((in[g] & 3i) == 3i)));
    workgroupBarrier();
    let cw_t13 = cw_lin(cw_tid) - cw_lin(cw_tid) % 32u;
    var cw_t12 = 0u;
    for (var cw_l = 0u; cw_l < 32u && cw_t13 + cw_l < cw_bx * cw_by * cw_bz; cw_l++) {
      if (((cw_t11 >> cw_l) & 1u) != 0u) { cw_t12 = cw_t12 | (select(0u, 1u, cw_wx[cw_t13 + cw_l] != 0u) << cw_l); }
    }
    workgroupBarrier();
    v = (v + i32(countOneBits(cw_t12)));
  }
  if (!cw_t6) {
    v = cw_t7;
  }
  out[g] = v;
}

// ==== kernel switchCount ====
// kernel switchCount, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> in: array<i32>;
@group(0) @binding(2) var<storage, read_write> counts: array<i32>;
var<workgroup> cw_count: atomic<u32>;

fn cw_lin(t: vec3<u32>) -> u32 { return t.x + cw_bx * (t.y + cw_by * t.z); }

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn switchCount(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var t: i32 = i32(cw_tid.x);
  var g: i32 = i32(((cw_bid.x * cw_bx) + u32(t)));
  switch (cw_bid.x) {
    case 1u: {
      {
        if (((in[g] & 1i) != 0i)) { atomicAdd(&cw_count, 1u); }
        storageBarrier();
        workgroupBarrier();
        let cw_t0 = atomicLoad(&cw_count);
        workgroupBarrier();
        if (cw_lin(cw_tid) == 0u) { atomicStore(&cw_count, 0u); }
        workgroupBarrier();
        var c: i32 = i32(cw_t0);
        if ((t == 0i)) {
          counts[cw_bid.x] = (c + 1000i);
        }
        break;
      }
      {
        if (((in[g] & 1i) != 0i)) { atomicAdd(&cw_count, 1u); }
        storageBarrier();
        workgroupBarrier();
        let cw_t1 = atomicLoad(&cw_count);
        workgroupBarrier();
        if (cw_lin(cw_tid) == 0u) { atomicStore(&cw_count, 0u); }
        workgroupBarrier();
        var c: i32 = i32(cw_t1);
        if ((t == 0i)) {
          counts[cw_bid.x] = c;
        }
        break;
      }
    }
    case default: {
      {
        if (((in[g] & 1i) != 0i)) { atomicAdd(&cw_count, 1u); }
        storageBarrier();
        workgroupBarrier();
        let cw_t2 = atomicLoad(&cw_count);
        workgroupBarrier();
        if (cw_lin(cw_tid) == 0u) { atomicStore(&cw_count, 0u); }
        workgroupBarrier();
        var c: i32 = i32(cw_t2);
        if ((t == 0i)) {
          counts[cw_bid.x] = c;
        }
        break;
      }
    }
  }
}

// ==== kernel switchExit ====
// kernel switchExit, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> in: array<i32>;
@group(0) @binding(2) var<storage, read_write> counts: array<i32>;
var<workgroup> cw_count: atomic<u32>;

fn cw_lin(t: vec3<u32>) -> u32 { return t.x + cw_bx * (t.y + cw_by * t.z); }

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn switchExit(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var cw_live = true;
  var t: i32 = i32(cw_tid.x);
  switch ((t % 3i)) {
    case 0i: {
      cw_live = false;
      break;
    }
    case default: {
    }
  }
  if (cw_live && (i32((in[((cw_bid.x * cw_bx) + u32(t))] > 10i)) != 0i)) { atomicAdd(&cw_count, 1u); }
  storageBarrier();
  workgroupBarrier();
  let cw_t0 = atomicLoad(&cw_count);
  workgroupBarrier();
  if (cw_lin(cw_tid) == 0u) { atomicStore(&cw_count, 0u); }
  workgroupBarrier();
  var c: i32 = i32(cw_t0);
  if (cw_live) {
    if ((t == 1i)) {
      counts[cw_bid.x] = c;
    }
  }
}

// ==== kernel switchWarpMore ====
// kernel switchWarpMore, from <source> by cuwasm

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
var<workgroup> cw_wx: array<u32, cw_bx * cw_by * cw_bz>;
var<workgroup> cw_count: atomic<u32>;

fn cw_lin(t: vec3<u32>) -> u32 { return t.x + cw_bx * (t.y + cw_by * t.z); }

fn cw_warp_mask(t: vec3<u32>) -> u32 {
  let n = min(32u, cw_bx * cw_by * cw_bz - (cw_lin(t) - cw_lin(t) % 32u));
  return select((1u << n) - 1u, 0xffffffffu, n == 32u);
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn switchWarpMore(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var t: i32 = i32(cw_tid.x);
  var g: i32 = i32(((cw_bid.x * cw_bx) + u32(t)));
  var v: i32 = in[g];
  var r0: i32 = 0i;
  var r1: i32 = 0i;
  var r2: i32 = 0i;
  var r3: i32 = 0i;
  switch (cw_bid.x) {
    case default: {
      cw_wx[cw_lin(cw_tid)] = u32(v);
      workgroupBarrier();
      let cw_t0 = 4294967295u;
      let cw_t2 = cw_lin(cw_tid) - cw_lin(cw_tid) % 32u;
      var cw_t1 = 0u;
      for (var cw_l = 0u; cw_l < 32u && cw_t2 + cw_l < cw_bx * cw_by * cw_bz; cw_l++) {
        if (((cw_t0 >> cw_l) & 1u) != 0u) { cw_t1 = cw_t1 + cw_wx[cw_t2 + cw_l]; }
      }
      workgroupBarrier();
      r0 = i32(cw_t1);
      let cw_t3 = 4294967295u;
      let cw_t4 = bitcast<u32>((v % 4i));
      cw_wx[cw_lin(cw_tid)] = cw_t4;
      workgroupBarrier();
      let cw_t6 = cw_lin(cw_tid) - cw_lin(cw_tid) % 32u;
      var cw_t5 = 0u;
      for (var cw_l = 0u; cw_l < 32u && cw_t6 + cw_l < cw_bx * cw_by * cw_bz; cw_l++) {
        if (((cw_t3 >> cw_l) & 1u) != 0u) { cw_t5 = cw_t5 | (select(0u, 1u, cw_wx[cw_t6 + cw_l] == cw_t4) << cw_l); }
      }
      workgroupBarrier();
      r1 = i32(cw_t5);
      let cw_t7 = 4294967295u;
      cw_wx[cw_lin(cw_tid)] = bitcast<u32>(i32((v < 90i)));
      workgroupBarrier();
      let cw_t9 = cw_lin(cw_tid) - cw_lin(cw_tid) % 32u;
      var cw_t8 = 0u;
      for (var cw_l = 0u; cw_l < 32u && cw_t9 + cw_l < cw_bx * cw_by * cw_bz; cw_l++) {
        if (((cw_t7 >> cw_l) & 1u) != 0u) { cw_t8 = cw_t8 | (select(0u, 1u, cw_wx[cw_t9 + cw_l] != 0u) << cw_l); }
      }
      workgroupBarrier();
      r2 = select(0i, 1i, cw_t8 == (cw_t7 & cw_warp_mask(cw_tid)));
      if ((i32((v == 42i)) != 0i)) { atomicAdd(&cw_count, 1u); }
      storageBarrier();
      workgroupBarrier();
      let cw_t10 = atomicLoad(&cw_count);
      workgroupBarrier();
      if (cw_lin(cw_tid) == 0u) { atomicStore(&cw_count, 0u); }
      workgroupBarrier();
      r3 = select(0i, 1i, cw_t10 != 0u);
    }
  }
  out[(4i * g)] = r0;
  out[((4i * g) + 1i)] = r1;
  out[((4i * g) + 2i)] = r2;
  out[((4i * g) + 3i)] = r3;
}

