// ==== kernel reduce<float, 256> ====
// kernel reduce<float, 256>, from <source> by cuwasm

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
@group(0) @binding(2) var<storage, read_write> out: array<f32>;
var<workgroup> sdata: array<f32, 256>;
var<workgroup> cw_wx: array<u32, cw_bx * cw_by * cw_bz>;

fn cw_lin(t: vec3<u32>) -> u32 { return t.x + cw_bx * (t.y + cw_by * t.z); }

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn reduce_float_256(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var tid: u32 = cw_tid.x;
  var i: u32 = ((cw_bid.x * (256u * 2u)) + tid);
  var gridSize: u32 = ((256u * 2u) * cw_p.cw_grid.x);
  var sum: f32 = 0.0f;
  {
    loop {
      if !((i < u32(n))) { break; }
      sum = (sum + in[i]);
      if (((i + 256u) < u32(n))) {
        sum = (sum + in[(i + 256u)]);
      }
      i = (i + gridSize);
    }
  }
  sdata[tid] = sum;
  storageBarrier();
  workgroupBarrier();
  if ((256u >= 512u)) {
    if ((tid < 256u)) {
      sum = (sum + sdata[(tid + 256u)]);
      sdata[tid] = sum;
    }
    storageBarrier();
    workgroupBarrier();
  }
  if ((256u >= 256u)) {
    if ((tid < 128u)) {
      sum = (sum + sdata[(tid + 128u)]);
      sdata[tid] = sum;
    }
    storageBarrier();
    workgroupBarrier();
  }
  if ((256u >= 128u)) {
    if ((tid < 64u)) {
      sum = (sum + sdata[(tid + 64u)]);
      sdata[tid] = sum;
    }
    storageBarrier();
    workgroupBarrier();
  }
  if ((256u >= 64u)) {
    if ((tid < 32u)) {
      sum = (sum + sdata[(tid + 32u)]);
      sdata[tid] = sum;
    }
    storageBarrier();
    workgroupBarrier();
  }
  let cw_t0 = (tid < 32u); // runs in every thread, undone where false
  let cw_t1 = sum;
  {
    {
      var offset: i32 = 16i;
      loop {
        if !((offset > 0i)) { break; }
        cw_wx[cw_lin(cw_tid)] = bitcast<u32>(sum);
        workgroupBarrier();
        let cw_t2 = cw_lin(cw_tid) % 32u;
        let cw_t4 = u32(offset);
        let cw_t3 = cw_wx[min(cw_lin(cw_tid) - cw_t2 + select(cw_t2, cw_t2 + cw_t4, cw_t2 % u32(32i) + cw_t4 < u32(32i)), cw_bx * cw_by * cw_bz - 1u)];
        workgroupBarrier();
        sum = (sum + bitcast<f32>(cw_t3));
        continuing {
          offset = (offset >> u32(1i));
        }
      }
    }
  }
  if (!cw_t0) {
    sum = cw_t1;
  }
  if ((tid == 0u)) {
    out[cw_bid.x] = sum;
  }
}

// ==== kernel reduce<int, 128> ====
// kernel reduce<int, 128>, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) n: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> in: array<i32>;
@group(0) @binding(2) var<storage, read_write> out: array<i32>;
var<workgroup> sdata: array<i32, 128>;
var<workgroup> cw_wx: array<u32, cw_bx * cw_by * cw_bz>;

fn cw_lin(t: vec3<u32>) -> u32 { return t.x + cw_bx * (t.y + cw_by * t.z); }

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn reduce_int_128(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var tid: u32 = cw_tid.x;
  var i: u32 = ((cw_bid.x * (128u * 2u)) + tid);
  var gridSize: u32 = ((128u * 2u) * cw_p.cw_grid.x);
  var sum: i32 = 0i;
  {
    loop {
      if !((i < u32(n))) { break; }
      sum = (sum + in[i]);
      if (((i + 128u) < u32(n))) {
        sum = (sum + in[(i + 128u)]);
      }
      i = (i + gridSize);
    }
  }
  sdata[tid] = sum;
  storageBarrier();
  workgroupBarrier();
  if ((128u >= 512u)) {
    if ((tid < 256u)) {
      sum = (sum + sdata[(tid + 256u)]);
      sdata[tid] = sum;
    }
    storageBarrier();
    workgroupBarrier();
  }
  if ((128u >= 256u)) {
    if ((tid < 128u)) {
      sum = (sum + sdata[(tid + 128u)]);
      sdata[tid] = sum;
    }
    storageBarrier();
    workgroupBarrier();
  }
  if ((128u >= 128u)) {
    if ((tid < 64u)) {
      sum = (sum + sdata[(tid + 64u)]);
      sdata[tid] = sum;
    }
    storageBarrier();
    workgroupBarrier();
  }
  if ((128u >= 64u)) {
    if ((tid < 32u)) {
      sum = (sum + sdata[(tid + 32u)]);
      sdata[tid] = sum;
    }
    storageBarrier();
    workgroupBarrier();
  }
  let cw_t0 = (tid < 32u); // runs in every thread, undone where false
  let cw_t1 = sum;
  {
    {
      var offset: i32 = 16i;
      loop {
        if !((offset > 0i)) { break; }
        cw_wx[cw_lin(cw_tid)] = bitcast<u32>(sum);
        workgroupBarrier();
        let cw_t2 = cw_lin(cw_tid) % 32u;
        let cw_t4 = u32(offset);
        let cw_t3 = cw_wx[min(cw_lin(cw_tid) - cw_t2 + select(cw_t2, cw_t2 + cw_t4, cw_t2 % u32(32i) + cw_t4 < u32(32i)), cw_bx * cw_by * cw_bz - 1u)];
        workgroupBarrier();
        sum = (sum + bitcast<i32>(cw_t3));
        continuing {
          offset = (offset >> u32(1i));
        }
      }
    }
  }
  if (!cw_t0) {
    sum = cw_t1;
  }
  if ((tid == 0u)) {
    out[cw_bid.x] = sum;
  }
}

// ==== kernel reduce<double, 64> ====
// not emitted: the WGSL target does not support 'double' (WebGPU has no 64-bit floats; --wgsl-f64-as-f32 computes it as float)

// ==== kernel reduce<float, 512> ====
// kernel reduce<float, 512>, from <source> by cuwasm

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
@group(0) @binding(2) var<storage, read_write> out: array<f32>;
var<workgroup> sdata: array<f32, 512>;
var<workgroup> cw_wx: array<u32, cw_bx * cw_by * cw_bz>;

fn cw_lin(t: vec3<u32>) -> u32 { return t.x + cw_bx * (t.y + cw_by * t.z); }

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn reduce_float_512(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var tid: u32 = cw_tid.x;
  var i: u32 = ((cw_bid.x * (512u * 2u)) + tid);
  var gridSize: u32 = ((512u * 2u) * cw_p.cw_grid.x);
  var sum: f32 = 0.0f;
  {
    loop {
      if !((i < u32(n))) { break; }
      sum = (sum + in[i]);
      if (((i + 512u) < u32(n))) {
        sum = (sum + in[(i + 512u)]);
      }
      i = (i + gridSize);
    }
  }
  sdata[tid] = sum;
  storageBarrier();
  workgroupBarrier();
  if ((512u >= 512u)) {
    if ((tid < 256u)) {
      sum = (sum + sdata[(tid + 256u)]);
      sdata[tid] = sum;
    }
    storageBarrier();
    workgroupBarrier();
  }
  if ((512u >= 256u)) {
    if ((tid < 128u)) {
      sum = (sum + sdata[(tid + 128u)]);
      sdata[tid] = sum;
    }
    storageBarrier();
    workgroupBarrier();
  }
  if ((512u >= 128u)) {
    if ((tid < 64u)) {
      sum = (sum + sdata[(tid + 64u)]);
      sdata[tid] = sum;
    }
    storageBarrier();
    workgroupBarrier();
  }
  if ((512u >= 64u)) {
    if ((tid < 32u)) {
      sum = (sum + sdata[(tid + 32u)]);
      sdata[tid] = sum;
    }
    storageBarrier();
    workgroupBarrier();
  }
  let cw_t0 = (tid < 32u); // runs in every thread, undone where false
  let cw_t1 = sum;
  {
    {
      var offset: i32 = 16i;
      loop {
        if !((offset > 0i)) { break; }
        cw_wx[cw_lin(cw_tid)] = bitcast<u32>(sum);
        workgroupBarrier();
        let cw_t2 = cw_lin(cw_tid) % 32u;
        let cw_t4 = u32(offset);
        let cw_t3 = cw_wx[min(cw_lin(cw_tid) - cw_t2 + select(cw_t2, cw_t2 + cw_t4, cw_t2 % u32(32i) + cw_t4 < u32(32i)), cw_bx * cw_by * cw_bz - 1u)];
        workgroupBarrier();
        sum = (sum + bitcast<f32>(cw_t3));
        continuing {
          offset = (offset >> u32(1i));
        }
      }
    }
  }
  if (!cw_t0) {
    sum = cw_t1;
  }
  if ((tid == 0u)) {
    out[cw_bid.x] = sum;
  }
}

