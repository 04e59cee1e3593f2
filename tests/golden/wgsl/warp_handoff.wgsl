// ==== kernel decodeChecksum ====
// kernel decodeChecksum, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) n: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> src: array<u32>;
@group(0) @binding(2) var<storage, read_write> bytes: array<atomic<u32>>;
@group(0) @binding(3) var<storage, read_write> sum: array<u32>;

fn expandNibbles_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_src: i32, cw_a_n: i32, cw_a_dst: i32) {
  var po_src = cw_a_src;
  var n = cw_a_n;
  var po_dst = cw_a_dst;
  {
    var i: i32 = i32(cw_tid.x);
    loop {
      if !((i < n)) { break; }
      let cw_t0 = u32(po_src + i32(((cw_bid.x * u32(n)) + u32(i))));
      var v: u32 = extractBits(src[(cw_t0 / 4u)], ((cw_t0 % 4u) * 8u), 8u);
      let cw_t1 = u32(po_dst + i32(((cw_bid.x * u32(n)) + u32(i))));
      let cw_t2 = ((cw_t1 % 4u) * 8u);
      atomicAnd(&bytes[(cw_t1 / 4u)], ~(0xffu << cw_t2)); atomicOr(&bytes[(cw_t1 / 4u)], (u32(((((v & 15u) * 16u) + u32((i32(v) >> u32(4i)))) & 0xffu)) & 0xffu) << cw_t2);
      continuing {
        i = i32((u32(i) + cw_bx));
      }
    }
  }
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn decodeChecksum(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  expandNibbles_0(cw_tid, cw_bid, 0i, (n / 2i), 0i);
  storageBarrier();
  workgroupBarrier();
  if ((cw_tid.x == 0u)) {
    var s: u32 = 0u;
    {
      var i: i32 = 0i;
      loop {
        if !(((i < (n / 2i)) && (i < 32i))) { break; }
        let cw_t3 = u32(0i + i32(((cw_bid.x * u32((n / 2i))) + u32(i))));
        s = ((s * 31u) + extractBits(atomicLoad(&bytes[(cw_t3 / 4u)]), ((cw_t3 % 4u) * 8u), 8u));
        continuing {
          i = (i + 1i);
        }
      }
    }
    sum[cw_bid.x] = s;
  }
}

// ==== kernel sliceChecksum ====
// kernel sliceChecksum, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> in: array<u32>;
@group(0) @binding(2) var<storage, read_write> sum: array<u32>;
var<workgroup> words: array<u32, 128>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn sliceChecksum(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var po_w: i32 = 0i;
  words[po_w + i32(cw_tid.x)] = ((in[(cw_tid.x % 32u)] * 3u) + cw_bid.x);
  var lane: i32 = i32((cw_tid.x % 32u));
  storageBarrier();
  workgroupBarrier();
  if ((lane == 0i)) {
    var s: u32 = 0u;
    {
      var i: i32 = 0i;
      loop {
        if !((i < 32i)) { break; }
        s = (s ^ (words[(cw_tid.x + u32(i))] << u32((i % 7i))));
        continuing {
          i = (i + 1i);
        }
      }
    }
    sum[((cw_bid.x * 4u) + (cw_tid.x / 32u))] = s;
  }
}

// ==== kernel stagedPrefix ====
// kernel stagedPrefix, from <source> by cuwasm

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
var<workgroup> stage: array<i32, 96>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn stagedPrefix(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  stage[cw_tid.x] = (in[cw_tid.x] % 1000i);
  {
    var lane: i32 = i32((cw_tid.x % 32u));
    storageBarrier();
    workgroupBarrier();
    if ((lane == 0i)) {
      var run: i32 = 0i;
      {
        var i: i32 = 0i;
        loop {
          if !((i < 32i)) { break; }
          run = (run + stage[(cw_tid.x + u32(i))]);
          out[(cw_tid.x + u32(i))] = run;
          continuing {
            i = (i + 1i);
          }
        }
      }
    }
  }
}

