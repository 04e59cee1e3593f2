// ==== kernel radixSortBlock ====
// kernel radixSortBlock, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read_write> keys: array<u32>;
var<workgroup> s: array<u32, 256>;
var<workgroup> scan: array<u32, 256>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn radixSortBlock(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var tid: u32 = cw_tid.x;
  var po_base: i32 = (0i + i32((cw_bid.x * 256u)));
  s[tid] = keys[po_base + i32(tid)];
  storageBarrier();
  workgroupBarrier();
  {
    var bit: i32 = 0i;
    loop {
      if !((bit < 32i)) { break; }
      var key: u32 = s[tid];
      var isZero: u32 = (((key >> u32(bit)) & 1u) ^ 1u);
      scan[tid] = isZero;
      storageBarrier();
      workgroupBarrier();
      {
        var off: u32 = 1u;
        loop {
          if !((off < 256u)) { break; }
          var v: u32 = select(0u, scan[(tid - off)], (tid >= off));
          storageBarrier();
          workgroupBarrier();
          scan[tid] = (scan[tid] + v);
          storageBarrier();
          workgroupBarrier();
          continuing {
            off = (off << u32(1i));
          }
        }
      }
      var totalZeros: u32 = scan[(256i - 1i)];
      var zerosBefore: u32 = (scan[tid] - isZero);
      var dst: u32 = select((totalZeros + (tid - zerosBefore)), zerosBefore, (isZero != 0u));
      storageBarrier();
      workgroupBarrier();
      s[dst] = key;
      storageBarrier();
      workgroupBarrier();
      continuing {
        bit = (bit + 1i);
      }
    }
  }
  keys[po_base + i32(tid)] = s[tid];
}

// ==== kernel digitCounts ====
// kernel digitCounts, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) n: i32,
  shift: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> keys: array<u32>;
@group(0) @binding(2) var<storage, read_write> counts: array<atomic<u32>>;
var<workgroup> local: array<atomic<u32>, 16>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn digitCounts(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var n = cw_p.n;
  var shift = cw_p.shift;
  if ((cw_tid.x < 16u)) {
    atomicStore(&local[cw_tid.x], 0u);
  }
  storageBarrier();
  workgroupBarrier();
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  if ((i < n)) {
    _ = atomicAdd(&local[((keys[i] >> u32(shift)) & 15u)], 1u);
  }
  storageBarrier();
  workgroupBarrier();
  if ((cw_tid.x < 16u)) {
    _ = atomicAdd(&counts[cw_tid.x], atomicLoad(&local[cw_tid.x]));
  }
}

