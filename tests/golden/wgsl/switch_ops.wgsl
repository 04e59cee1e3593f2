// ==== kernel applyOp ====
// kernel applyOp, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) n: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> ops: array<i32>;
@group(0) @binding(2) var<storage, read> x: array<f32>;
@group(0) @binding(3) var<storage, read_write> y: array<f32>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn applyOp(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  if ((i >= n)) {
    return;
  }
  var v: f32 = x[i];
  switch (((ops[i] & 2147483647i) % 6i)) {
    case 0i: {
      v = (v + 1.0f);
    }
    case 1i: {
      v = (v - 1.0f);
    }
    case default: {
      v = 0.0f;
    }
    case 2i: {
      v = (v * 2.0f);
      v = (-v);
    }
    case 3i: {
      v = (-v);
    }
    case 4i: {
      v = abs(v);
    }
  }
  y[i] = v;
}

// ==== kernel tinyVm ====
// kernel tinyVm, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> program: array<i32>;
@group(0) @binding(2) var<storage, read_write> out: array<i32>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn tinyVm(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var acc: i32 = i32(cw_tid.x);
  {
    var pc: i32 = 0i;
    loop {
      if !((pc < 16i)) { break; }
      var op: i32 = (program[pc] % 5i);
      switch (op) {
        case 0i: {
          acc = (acc + 3i);
        }
        case 1i: {
          acc = (acc * 2i);
        }
        case 2i: {
          {
            var k: i32 = (acc & 7i);
            switch (k) {
              case 0i, 1i: {
                acc = (acc - 1i);
              }
              case 2i: {
                acc = (acc ^ 85i);
              }
              case default: {
                acc = (acc >> u32(1i));
              }
            }
            break;
          }
          {
            var j: i32 = 0i;
            loop {
              if !((j < 10i)) { break; }
              if (((j * j) > acc)) {
                break;
              }
              acc = (acc + j);
              continuing {
                j = (j + 1i);
              }
            }
          }
        }
        case 3i: {
          {
            var j: i32 = 0i;
            loop {
              if !((j < 10i)) { break; }
              if (((j * j) > acc)) {
                break;
              }
              acc = (acc + j);
              continuing {
                j = (j + 1i);
              }
            }
          }
        }
        case 4i: {
          continue;
        }
        default: {}
      }
      acc = (acc & 65535i);
      continuing {
        pc = (pc + 1i);
      }
    }
  }
  out[cw_tid.x] = acc;
}

// ==== kernel classifyChars ====
// kernel classifyChars, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> s: array<u32>;
@group(0) @binding(2) var<storage, read_write> cls: array<i32>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn classifyChars(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  let cw_t0 = u32(0i + i32(cw_tid.x));
  var c: i32 = ((i32(extractBits(s[(cw_t0 / 4u)], ((cw_t0 % 4u) * 8u), 8u)) << 24u) >> 24u);
  var k: i32;
  switch (c) {
    case 32i, 9i, 10i: {
      k = 1i;
    }
    case 48i, 49i, 50i, 51i, 52i, 53i, 54i, 55i, 56i, 57i: {
      k = 2i;
    }
    case 43i, 45i, 42i, 47i: {
      k = 3i;
    }
    case default: {
      k = select(0i, 4i, (((c >= 97i) && (c <= 122i)) || ((c >= 65i) && (c <= 90i))));
    }
  }
  cls[cw_tid.x] = k;
}

