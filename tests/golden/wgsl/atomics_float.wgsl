// ==== kernel floatAtomics ====
// not emitted: the WGSL target does not support 'double' (WebGPU has no 64-bit floats; --wgsl-f64-as-f32 computes it as float)

// ==== kernel casFloatMax ====
// kernel casFloatMax, from <source> by cuwasm

struct CwParams {
  cw_grid: vec3<u32>,
  cw_base: vec3<u32>,
}
@group(0) @binding(0) var<uniform> cw_p: CwParams;
override cw_bx: u32 = 1u;
override cw_by: u32 = 1u;
override cw_bz: u32 = 1u;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> result: array<atomic<i32>>;

fn cw_f32_bits(b: u32) -> f32 { return bitcast<f32>(b); }

fn atomicMaxFloat_0(cw_tid: vec3<u32>, cw_bid: vec3<u32>, cw_a_addr: i32, cw_a_value: f32) -> f32 {
  var po_addr = cw_a_addr;
  var value = cw_a_value;
  var po_iaddr: i32 = po_addr;
  var old: i32 = atomicLoad(&result[po_iaddr]);
  var assumed: i32;
  {
    loop {
      assumed = old;
      if ((cw_f32_bits(bitcast<u32>(assumed)) >= value)) {
        break;
      }
      let cw_t0 = assumed;
      let cw_t1 = bitcast<i32>(value);
      var cw_t2: i32;
      loop {
        let cw_t3 = atomicCompareExchangeWeak(&result[po_iaddr], cw_t0, cw_t1);
        if (cw_t3.exchanged || cw_t3.old_value != cw_t0) { cw_t2 = cw_t3.old_value; break; }
      }
      old = cw_t2;
      continuing {
        break if !((assumed != old));
      }
    }
  }
  return cw_f32_bits(bitcast<u32>(old));
}

@compute @workgroup_size(cw_bx, cw_by, cw_bz)
fn casFloatMax(@builtin(local_invocation_id) cw_tid: vec3<u32>, @builtin(workgroup_id) cw_wid: vec3<u32>) {
  let cw_bid = cw_wid + cw_p.cw_base;
  var i: i32 = i32(((cw_bid.x * cw_bx) + cw_tid.x));
  _ = atomicMaxFloat_0(cw_tid, cw_bid, 0i, x[i]);
}

// ==== kernel casDoubleMul ====
// not emitted: the WGSL target does not support 'double' (WebGPU has no 64-bit floats; --wgsl-f64-as-f32 computes it as float)

// ==== kernel halfAtomics ====
// not emitted: the WGSL target does not support 'atomicAdd' on this type (WGSL atomics are 32-bit)

