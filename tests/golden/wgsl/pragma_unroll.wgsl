// ==== kernel unrolledDot<8> ====
// kernel unrolledDot<8>, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> a: array<f32>;
@group(0) @binding(2) var<storage, read> b: array<f32>;
@group(0) @binding(3) var<storage, read_write> out: array<f32>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn unrolledDot_8(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var t: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  var acc: f32 = 0.0f;
  {
  }
  {
    var k: i32 = 0i;
    loop {
      if !((k < 8i)) { break; }
      acc = (acc + (a[((t * 8i) + k)] * b[((t * 8i) + k)]));
      continuing {
        k = (k + 1i);
      }
    }
  }
  out[t] = acc;
}

// ==== kernel unrolledDot<4> ====
// kernel unrolledDot<4>, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> a: array<f32>;
@group(0) @binding(2) var<storage, read> b: array<f32>;
@group(0) @binding(3) var<storage, read_write> out: array<f32>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn unrolledDot_4(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var t: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  var acc: f32 = 0.0f;
  {
  }
  {
    var k: i32 = 0i;
    loop {
      if !((k < 4i)) { break; }
      acc = (acc + (a[((t * 4i) + k)] * b[((t * 4i) + k)]));
      continuing {
        k = (k + 1i);
      }
    }
  }
  out[t] = acc;
}

// ==== kernel horner ====
// kernel horner, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) n: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> y: array<f32>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn horner(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var coeff: array<f32, 6> = array<f32, 6>(1.0f, (-0.5f), 0.25f, (-0.125f), 0.0625f, (-0.03125f));
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  if ((i >= n)) {
    return;
  }
  var v: f32 = x[i];
  var r: f32 = 0.0f;
  {
  }
  {
    var k: i32 = 5i;
    loop {
      if !((k >= 0i)) { break; }
      r = ((r * v) + coeff[k]);
      continuing {
        k = (k - 1i);
      }
    }
  }
  y[i] = r;
}

// ==== kernel registerTile ====
// kernel registerTile, from <source> by cuwasm

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

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn registerTile(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var reg: array<f32, 4>;
  {
  }
  {
    var k: i32 = 0i;
    loop {
      if !((k < 4i)) { break; }
      reg[k] = in[((cw_tid.x * 4u) + u32(k))];
      continuing {
        k = (k + 1i);
      }
    }
  }
  {
  }
  {
    var u_pass: i32 = 0i;
    loop {
      if !((u_pass < 3i)) { break; }
      {
      }
      {
        var k: i32 = 3i;
        loop {
          if !((k > 0i)) { break; }
          reg[k] = (reg[k] + reg[(k - 1i)]);
          continuing {
            k = (k - 1i);
          }
        }
      }
      continuing {
        u_pass = (u_pass + 1i);
      }
    }
  }
  {
  }
  {
    var k: i32 = 0i;
    loop {
      if !((k < 4i)) { break; }
      out[((cw_tid.x * 4u) + u32(k))] = reg[k];
      continuing {
        k = (k + 1i);
      }
    }
  }
}

