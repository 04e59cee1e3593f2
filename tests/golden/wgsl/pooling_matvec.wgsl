// ==== kernel maxPool2x2 ====
// kernel maxPool2x2, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
  @align(16) H: i32,
  W: i32,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> in: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;
@group(0) @binding(3) var<storage, read_write> argmax: array<i32>;

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn maxPool2x2(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var H = cw_p.H;
  var W = cw_p.W;
  var ox: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  var oy: i32 = i32(((cw_bid.y * cw_by) + cw_tid.y));
  var c: i32 = i32(cw_bid.z);
  var OH: i32 = (H / 2i);
  var OW: i32 = (W / 2i);
  if (((ox >= OW) || (oy >= OH))) {
    return;
  }
  var po_plane: i32 = (0i + ((c * H) * W));
  var best: i32 = (((2i * oy) * W) + (2i * ox));
  var m: f32 = in[po_plane + best];
  {
    var dy: i32 = 0i;
    loop {
      if !((dy < 2i)) { break; }
      {
        var dx: i32 = 0i;
        loop {
          if !((dx < 2i)) { break; }
          var idx: i32 = (((((2i * oy) + dy) * W) + (2i * ox)) + dx);
          if ((in[po_plane + idx] > m)) {
            m = in[po_plane + idx];
            best = idx;
          }
          continuing {
            dx = (dx + 1i);
          }
        }
      }
      continuing {
        dy = (dy + 1i);
      }
    }
  }
  out[((((c * OH) + oy) * OW) + ox)] = m;
  argmax[((((c * OH) + oy) * OW) + ox)] = best;
}

// ==== kernel avgPool2x2 ====
// not emitted: the WGSL target does not support 64-bit integer 'unsigned long long' (not emulated yet)

// ==== kernel matVecWarp ====
// not emitted: the WGSL target does not support '__shfl_xor_sync' yet

