// runtime.js — running the kernels of a compiled module on WebGPU.
//
// A launch binds: binding 0, a uniform block with gridDim, the block
// offset of this dispatch and the scalar arguments at the offsets the
// compiler chose; then one storage buffer per pointer parameter the kernel
// uses, or, for a kernel compiled with its buffers packed (more than the
// device's maxStorageBuffersPerShaderStage), one pool buffer per element
// type that the arguments are copied into and out of.  The workgroup size and the dynamic shared array's length are
// pipeline-overridable constants, so pipelines are cached per kernel, block
// shape and shared size.  Grids beyond the device's per-dimension limit run
// as several dispatches, each told its block offset.  Typed arrays passed
// for pointers are copied in before and, for non-const pointers, copied
// back when the launch's promise resolves; DeviceBuffers stay on the GPU.

import { DEBUG_WORDS, readDebug } from './debug.js';

const U = GPUBufferUsageConst();

function GPUBufferUsageConst() {
  // the values of GPUBufferUsage, which Node gets only after webgpu loads
  return { MAP_READ: 1, COPY_SRC: 4, COPY_DST: 8, UNIFORM: 64, STORAGE: 128 };
}

const dims = (v, what) => {
  const a = typeof v === 'number' ? [v] : Array.from(v ?? [1]);
  while (a.length < 3) a.push(1);
  if (a.length > 3 || a.some((x) => !Number.isInteger(x) || x < 1))
    throw new Error(`cuwasm: ${what} must be 1 to 3 positive integers`);
  return a;
};

const sameName = (a, b) => a.replace(/\s+/g, '') === b.replace(/\s+/g, '');

export class DeviceBuffer {
  constructor(device, byteLength) {
    this.device = device;
    this.byteLength = byteLength;
    this.buffer = device.createBuffer({ size: Math.max(4, Math.ceil(byteLength / 4) * 4),
      usage: U.STORAGE | U.COPY_SRC | U.COPY_DST });
  }

  // data: a typed array; one on a SharedArrayBuffer (a web program built
  // with threads: its heap) is copied first, as npm's webgpu (Dawn for
  // Node) crashes copying from a shared one (gdb: memcpy in writeBuffer)
  write(data, byteOffset = 0) {
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    const shared = typeof SharedArrayBuffer !== 'undefined' && bytes.buffer instanceof SharedArrayBuffer;
    const padded = bytes.byteLength % 4 || shared ? new Uint8Array(Math.ceil(bytes.byteLength / 4) * 4) : bytes;
    if (padded !== bytes) padded.set(bytes);
    this.device.queue.writeBuffer(this.buffer, byteOffset, padded);
    return this;
  }

  async read(Type = Uint8Array, out = null) {
    const size = this.buffer.size;
    const staging = this.device.createBuffer({ size, usage: U.MAP_READ | U.COPY_DST });
    const enc = this.device.createCommandEncoder();
    enc.copyBufferToBuffer(this.buffer, 0, staging, 0, size);
    this.device.queue.submit([enc.finish()]);
    await staging.mapAsync(1 /* GPUMapMode.READ */);
    const bytes = new Uint8Array(staging.getMappedRange()).slice(0, this.byteLength);
    staging.unmap();
    staging.destroy();
    const target = out ?? new Type(this.byteLength / (Type.BYTES_PER_ELEMENT ?? 1));
    new Uint8Array(target.buffer, target.byteOffset, target.byteLength).set(bytes.subarray(0, target.byteLength));
    return target;
  }

  // The bytes from byteOffset on, as an argument: bound there (WebGPU
  // wants offsets of minStorageBufferOffsetAlignment for a binding of its
  // own, 4 for a packed one).
  view(byteOffset, byteLength = this.byteLength - byteOffset) {
    return Object.assign(Object.create(this), { byteOffset, byteLength });
  }

  destroy() { this.buffer.destroy(); }
}
DeviceBuffer.prototype.byteOffset = 0;

function writeScalar(view, p, value) {
  if (p.scalar === 'i64' || p.scalar === 'u64') { // two little-endian words
    const v = BigInt.asUintN(64, typeof value === 'bigint' ? value : BigInt(Math.trunc(value)));
    view.setBigUint64(p.offset, v, true);
    return;
  }
  const vals = p.lanes > 1 ? Array.from(value) : [value];
  if (vals.length !== p.lanes) throw new Error(`cuwasm: argument '${p.name}' needs ${p.lanes} values`);
  vals.forEach((v, i) => {
    const off = p.offset + 4 * i;
    if (typeof v === 'bigint') v = Number(BigInt.asIntN(64, v));
    if (typeof v === 'boolean') v = v ? 1 : 0;
    if (typeof v !== 'number') throw new Error(`cuwasm: argument '${p.name}' (${p.type}) must be a number`);
    if (p.scalar === 'f32') view.setFloat32(off, v, true);
    else if (p.scalar === 'i32') view.setInt32(off, v, true);
    else view.setUint32(off, v >>> 0, true);
  });
}

export class Kernel {
  constructor(mod, meta) {
    this.mod = mod;
    this.meta = meta;
    this.pipelines = new Map();
    this.shaderModule = null;
  }

  get name() { return this.meta.name; }

  layout() {
    if (this._layout) return this._layout;
    const entries = [{ binding: 0, visibility: 4 /* COMPUTE */, buffer: { type: 'uniform' } }];
    const add = (binding, written) => entries.push({ binding, visibility: 4,
      buffer: { type: written ? 'storage' : 'read-only-storage' } });
    for (const [binding, written] of bufferBindings(this.meta)) add(binding, written);
    for (const g of this.meta.globals ?? []) add(g.binding, g.written);
    if (this.meta.debug) add(this.meta.debug.binding, true);
    const device = this.mod.device;
    this._layout = device.createPipelineLayout({ bindGroupLayouts: [device.createBindGroupLayout({ entries })] });
    return this._layout;
  }

  hasPipeline(block, dynCount) { return this.pipelines.has(`${block.join(',')}|${dynCount}`); }

  pipeline(block, dynCount) {
    const key = `${block.join(',')}|${dynCount}`;
    let p = this.pipelines.get(key);
    if (p) return p;
    const device = this.mod.device;
    this.shaderModule ??= device.createShaderModule({ code: this.meta.wgsl });
    const constants = { cw_bx: block[0], cw_by: block[1], cw_bz: block[2] };
    if (this.meta.dynShared) constants.cw_dyn_n = Math.max(1, dynCount);
    p = device.createComputePipeline({ layout: this.layout(),
      compute: { module: this.shaderModule, entryPoint: this.meta.entry, constants } });
    this.pipelines.set(key, p);
    return p;
  }
}

// binding -> written, for the pointer parameters: packed ones share a
// binding (a pool, src/emit/wgsl_pack.c), written when any of them is.
function bufferBindings(meta) {
  const m = new Map();
  for (const p of meta.params)
    if (p.kind === 'buffer' && p.binding >= 0) m.set(p.binding, (m.get(p.binding) ?? false) || p.written);
  return m;
}

// The pools of a packed kernel: per binding, one GPU buffer holding its
// parameters' data one after another, each at a multiple of its element
// size (and of 4 bytes), its start in elements written into the uniform
// block.  The same array or DeviceBuffer passed twice is placed once.
// f64AsF32 parameters (double computed as float): a Float64Array goes to
// the GPU as floats, and the floats come back into it.
function asF32(p, a) {
  if (!p.f64AsF32 || !(a instanceof Float64Array)) return a;
  const f = Float32Array.from(a);
  f.f64Source = a;
  return f;
}
function backToF64(arr) {
  if (arr.f64Source) arr.f64Source.set(arr);
}

function buildPools(device, meta, args, view) {
  const pools = new Map();
  meta.params.forEach((p, i) => {
    if (p.kind !== 'buffer' || p.binding < 0 || p.poolOffset === undefined) return;
    const a = asF32(p, args[i]);
    if (!(a instanceof DeviceBuffer) && !ArrayBuffer.isView(a))
      throw new Error(`cuwasm: argument '${p.name}' (${p.type}) must be a typed array or a DeviceBuffer`);
    let pool = pools.get(p.binding);
    if (!pool) pools.set(p.binding, pool = { bytes: 0, members: [] });
    let m = pool.members.find((x) => x.arg === a || (a.f64Source && x.arg.f64Source === a.f64Source));
    if (!m) {
      const align = p.unit % 4 === 0 ? p.unit : p.unit * (4 / gcd(p.unit, 4));
      const start = Math.ceil(pool.bytes / align) * align;
      m = { arg: a, start, bytes: a.byteLength, written: false };
      pool.bytes = start + Math.ceil(a.byteLength / 4) * 4;
      pool.members.push(m);
    }
    if (m.start % p.unit) throw new Error(`cuwasm: '${p.name}' cannot share its buffer with a parameter of another element size`);
    m.written ||= p.written;
    view.setInt32(p.poolOffset, m.start / p.unit, true);
  });
  for (const pool of pools.values()) {
    pool.buffer = new DeviceBuffer(device, Math.max(4, pool.bytes));
    for (const m of pool.members)
      if (!(m.arg instanceof DeviceBuffer) && m.bytes)
        pool.buffer.write(m.arg, m.start);
  }
  return pools;
}

const gcd = (a, b) => (b ? gcd(b, a % b) : a);

function checkLimits(device, meta, block, sharedBytes) {
  const L = device.limits;
  const n = block[0] * block[1] * block[2];
  if (n > L.maxComputeInvocationsPerWorkgroup || block[0] > L.maxComputeWorkgroupSizeX ||
      block[1] > L.maxComputeWorkgroupSizeY || block[2] > L.maxComputeWorkgroupSizeZ)
    throw new Error(`cuwasm: block ${block.join('x')} exceeds this WebGPU device's workgroup limits ` +
      `(${L.maxComputeInvocationsPerWorkgroup} invocations, ${L.maxComputeWorkgroupSizeX}x${L.maxComputeWorkgroupSizeY}x${L.maxComputeWorkgroupSizeZ})`);
  const buffers = bufferBindings(meta).size + (meta.globals ?? []).length + (meta.debug ? 1 : 0);
  if (buffers > L.maxStorageBuffersPerShaderStage)
    throw new Error(`cuwasm: '${meta.name}' binds ${buffers} storage buffers (buffer parameters of one element ` +
      `type packed together); this WebGPU device allows ${L.maxStorageBuffersPerShaderStage} per shader stage`);
  const shared = (meta.staticSharedBytes ?? 0) + (meta.dynShared ? sharedBytes : 0);
  if (shared > L.maxComputeWorkgroupStorageSize)
    throw new Error(`cuwasm: ${shared} bytes of shared memory exceed this device's ${L.maxComputeWorkgroupStorageSize}`);
}

// The dispatches covering `grid`, each with its block offset.
function splitGrid(grid, max) {
  const out = [];
  for (let z = 0; z < grid[2]; z += max)
    for (let y = 0; y < grid[1]; y += max)
      for (let x = 0; x < grid[0]; x += max)
        out.push({ base: [x, y, z], count: [Math.min(max, grid[0] - x), Math.min(max, grid[1] - y), Math.min(max, grid[2] - z)] });
  return out;
}

// The checks a launch needs before anything reaches the GPU (throws with
// the reason); -> the normalised grid and block and the dynamic shared
// array's length.
function launchShape(device, kernel, { grid = [1], block = [1], sharedBytes = 0, args = [] }) {
  const meta = kernel.meta;
  grid = dims(grid, 'grid');
  block = dims(block, 'block');
  if (args.length !== meta.params.length)
    throw new Error(`cuwasm: '${meta.name}' takes ${meta.params.length} arguments, ${args.length} given`);
  checkLimits(device, meta, block, sharedBytes);
  if (meta.needsF16 && !device.features.has('shader-f16'))
    throw new Error(`cuwasm: '${meta.name}' uses __half, which needs a WebGPU adapter with the shader-f16 feature; this one has none`);
  const dynCount = meta.dynShared ? Math.floor(sharedBytes / meta.dynShared.elemBytes) : 0;
  return { grid, block, dynCount };
}

// Makes (once per block shape and shared size) and validates the pipeline
// a launch with these options needs; rejects with WebGPU's reason.
export async function preparePipeline(mod, kernel, opts = {}) {
  const { block, dynCount } = launchShape(mod.device, kernel, opts);
  if (kernel.hasPipeline(block, dynCount)) return;
  const device = mod.device;
  device.pushErrorScope('validation'); // a pipeline the device refuses says why
  kernel.pipeline(block, dynCount);
  const perr = await device.popErrorScope();
  if (perr) {
    kernel.pipelines.clear();
    throw new Error(`cuwasm: WebGPU rejected the pipeline of '${kernel.meta.name}': ${perr.message}`);
  }
}

// Whether preparePipeline has made the pipeline this launch needs (throws,
// as a launch would, when the launch cannot run on this device at all).
export function pipelineReady(mod, kernel, opts = {}) {
  const { block, dynCount } = launchShape(mod.device, kernel, opts);
  return kernel.hasPipeline(block, dynCount);
}

export async function launchKernel(mod, kernel, opts = {}) {
  await preparePipeline(mod, kernel, opts);
  await submitKernel(mod, kernel, opts)();
}

// The launch up to its submission, synchronously, once preparePipeline has
// made its pipeline; -> finish(), which resolves when the launch has
// completed (typed arrays copied back, printf printed) and rejects when
// WebGPU refused the submission or a device assert failed.  Launches
// submitted one after another run in order; each finish() must be called.
export function submitKernel(mod, kernel, { grid = [1], block = [1], sharedBytes = 0, args = [] } = {}) {
  const meta = kernel.meta;
  const device = mod.device;
  let dynCount;
  ({ grid, block, dynCount } = launchShape(device, kernel, { grid, block, sharedBytes, args }));
  if (!kernel.hasPipeline(block, dynCount)) throw new Error(`cuwasm: no pipeline made for this launch of '${meta.name}' (preparePipeline)`);
  const pipeline = kernel.pipeline(block, dynCount);
  const uniform = new ArrayBuffer(meta.uniformBytes);
  const view = new DataView(uniform);
  grid.forEach((g, i) => view.setUint32(4 * i, g, true));
  const entries = [];
  const temps = [], readBack = [];
  const pools = buildPools(device, meta, args, view);
  for (const [binding, pool] of pools) {
    temps.push(pool.buffer);
    entries.push({ binding, resource: { buffer: pool.buffer.buffer } });
  }
  meta.params.forEach((p, i) => {
    if (p.kind === 'scalar') { writeScalar(view, p, args[i]); return; }
    if (p.binding < 0 || p.poolOffset !== undefined) return;
    const a = asF32(p, args[i]);
    let buf = a;
    if (!(a instanceof DeviceBuffer)) {
      if (!ArrayBuffer.isView(a)) throw new Error(`cuwasm: argument '${p.name}' (${p.type}) must be a typed array or a DeviceBuffer`);
      buf = new DeviceBuffer(device, a.byteLength).write(a);
      temps.push(buf);
      if (p.written) readBack.push([buf, a]);
    }
    entries.push({ binding: p.binding, resource: { buffer: buf.buffer, offset: buf.byteOffset } });
  });
  for (const g of meta.globals ?? []) entries.push({ binding: g.binding, resource: { buffer: mod.globalBuffer(g).buffer } });
  let debug = null;
  if (meta.debug) {
    debug = new DeviceBuffer(device, 4 * DEBUG_WORDS).write(new Uint32Array(DEBUG_WORDS));
    temps.push(debug);
    entries.push({ binding: meta.debug.binding, resource: { buffer: debug.buffer } });
  }
  const max = device.limits.maxComputeWorkgroupsPerDimension;
  const enc = device.createCommandEncoder();
  const poolCopies = (toPool) => {
    for (const pool of pools.values())
      for (const m of pool.members)
        if (m.arg instanceof DeviceBuffer && m.bytes && (toPool || m.written)) {
          const at = m.arg.byteOffset;
          const n = Math.floor(Math.min(m.arg.buffer.size - at, pool.buffer.buffer.size - m.start) / 4) * 4;
          if (toPool) enc.copyBufferToBuffer(m.arg.buffer, at, pool.buffer.buffer, m.start, n);
          else enc.copyBufferToBuffer(pool.buffer.buffer, m.start, m.arg.buffer, at, n);
        }
  };
  poolCopies(true);
  const uniforms = [];
  for (const d of splitGrid(grid, max)) {
    d.base.forEach((b, i) => view.setUint32(16 + 4 * i, b, true));
    const ub = device.createBuffer({ size: Math.max(16, meta.uniformBytes), usage: U.UNIFORM | U.COPY_DST });
    device.queue.writeBuffer(ub, 0, uniform);
    uniforms.push(ub);
    const bg = device.createBindGroup({ layout: pipeline.getBindGroupLayout(0),
      entries: [{ binding: 0, resource: { buffer: ub } }, ...entries] });
    const pass = enc.beginComputePass();
    pass.setPipeline(pipeline);
    pass.setBindGroup(0, bg);
    pass.dispatchWorkgroups(...d.count);
    pass.end();
  }
  poolCopies(false);
  device.pushErrorScope('validation');
  device.queue.submit([enc.finish()]);
  const submitted = device.popErrorScope();
  return async () => {
    const err = await submitted;
    if (err) {
      for (const t of temps) t.destroy();
      for (const u of uniforms) u.destroy();
      throw new Error(`cuwasm: WebGPU rejected the launch of '${meta.name}': ${err.message}`);
    }
    for (const [buf, arr] of readBack) { await buf.read(null, arr); backToF64(arr); }
    for (const pool of pools.values()) {
      const typed = pool.members.filter((m) => m.written && !(m.arg instanceof DeviceBuffer) && m.bytes);
      if (!typed.length) continue;
      const bytes = await pool.buffer.read(Uint8Array);
      for (const m of typed) {
        new Uint8Array(m.arg.buffer, m.arg.byteOffset, m.bytes).set(bytes.subarray(m.start, m.start + m.bytes));
        backToF64(m.arg);
      }
    }
    await device.queue.onSubmittedWorkDone();
    let failed = null;
    if (debug) {
      const { lines, asserts } = readDebug(meta, await debug.read(Uint32Array), meta.name);
      const print = mod.print ?? ((s) => (typeof process !== 'undefined' && process.stdout ? process.stdout.write(s) : console.log(s)));
      for (const l of lines) print(l);
      if (asserts.length) {
        failed = new Error(`cuwasm: device assertion failed in '${meta.name}':\n${asserts.join('\n')}`);
        failed.asserts = asserts;
      }
    }
    for (const t of temps) t.destroy();
    for (const u of uniforms) u.destroy();
    if (failed) throw failed;
  };
}

export { sameName };
