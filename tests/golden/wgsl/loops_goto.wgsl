// ==== kernel collatzSteps ====
// kernel collatzSteps, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) n: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> start: array<u32>;
@group(0) @binding(2) var<storage, read_write> steps: array<i32>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn collatzSteps(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var cw_ok_done = true;
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  if ((i >= n)) {
    cw_ok_done = false;
  }
  if (cw_ok_done) {
    {
      var v: u32 = (start[i] + 1u);
      var count: i32 = 0i;
      {
        loop {
          v = select((v >> u32(1i)), ((3u * v) + 1u), ((v & 1u) != 0u));
          count = (count + 1i);
          continuing {
            break if !(((v != 1u) && (count < 1000i)));
          }
        }
      }
      steps[i] = count;
    }
  }
  cw_ok_done = true;
  if (cw_ok_done) {
    return;
  }
}

// ==== kernel findFirst ====
// kernel findFirst, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) cols: i32,
  key: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> grid: array<i32>;
@group(0) @binding(2) var<storage, read_write> u_where: array<i32>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn findFirst(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var cols = cw_p.cols;
  var key = cw_p.key;
  var cw_ok_out = true;
  var row: i32 = i32(cw_tid.x);
  var found: i32 = (-1i);
  {
    var c: i32 = 0i;
    loop {
      if !((c < cols)) { break; }
      {
        var k: i32 = 0i;
        loop {
          if !((k < 1i)) { break; }
          var v: i32 = grid[((row * cols) + c)];
          if (((((v % 64i) + 64i) % 64i) == key)) {
            found = c;
            cw_ok_out = false;
            break;
          }
          if (!(cw_ok_out)) { break; }
          continuing {
            k = (k + 1i);
          }
        }
      }
      if (!(cw_ok_out)) { break; }
      continuing {
        c = (c + 1i);
      }
    }
  }
  cw_ok_out = true;
  if (cw_ok_out) {
    u_where[row] = found;
  }
}

// ==== kernel gcdKernel ====
// kernel gcdKernel, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> a: array<u32>;
@group(0) @binding(2) var<storage, read> b: array<u32>;
@group(0) @binding(3) var<storage, read_write> g: array<u32>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn gcdKernel(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  var x: u32 = (a[i] | 1u);
  var y: u32 = (b[i] | 1u);
  loop { // again:
    if ((y != 0u)) {
      var t: u32 = (x % y);
      x = y;
      y = t;
      continue;
    }
    break;
  }
  g[i] = x;
}

// ==== kernel digitSum ====
// kernel digitSum, from <source> by cuwasm

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

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn digitSum(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var v: i32 = in[cw_tid.x];
  var s: i32 = 0i;
  {
    loop {
      s = (s + (v % 10i));
      v = (v / 10i);
      if (!((v != 0i))) {
        break;
      }
    }
  }
  var i: i32 = 0i;
  var j: i32 = 0i;
  {
    loop {
      if !(((i < 3i) && (j < 5i))) { break; }
      i = (i + 1i);
      j = (j + 2i);
    }
  }
  out[cw_tid.x] = ((s + i) + j);
}

