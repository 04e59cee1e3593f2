// program_gpu.js — the WebGPU device of a whole CUDA program built with
// `cuwasm cc --target web` (program.js runs the program and asks this
// file to launch a kernel on the GPU).
//
// Device memory stays where the WebAssembly device keeps it, in the
// program's own memory: a device pointer is a heap address, and every
// allocation the C side reports (cudaMalloc, managed and page-locked
// memory, each kernel module's __device__/__constant__ globals) gets a
// GPU buffer mirroring it, made on first use.  Each allocation knows which
// copy is current: a launch uploads the allocations its pointer arguments
// and globals reference when the heap copy is newer (and managed or
// page-locked memory unless the GPU's copy is newer: host code may write
// those without a call),
// submits the kernel's WGSL (web/src/runtime.js's submitKernel, the one
// WebGPU launcher; its pipeline made and validated once per block shape)
// and marks the allocations it writes as newer on the GPU.  A launch does
// not wait for the GPU, as CUDA's does not: the synchronisations wait for
// every submitted launch (drain) and report the first failure.  They are read back only when host code needs them: a copy or
// memset touching them (hostAccess), a synchronisation for managed and
// page-locked memory (syncHostVisible), a kernel that runs on the
// WebAssembly device (readBackAll).  So a chain of launches between two
// copies moves no data.
//
// A launch runs on the WebAssembly device instead (plan() says why, null
// meaning the GPU can take it) when the WGSL target refused the kernel
// (double, device heap, virtual calls, byte-sized buffers … — the
// diagnostic is in the shaders' JSON), when a pointer argument is not in a
// tracked allocation (device malloc, cudaHostRegister'd memory) or starts
// at an offset WebGPU cannot bind, when one allocation is bound twice and
// written, or when WebGPU rejects the pipeline (limits, features).
import { DeviceBuffer, Kernel, pipelineReady, preparePipeline, sameName, submitKernel } from './runtime.js';

export const MEM = { DEVICE: 0, MANAGED: 1, HOST: 2, GLOBAL: 3 };

const roundUp = (n, a) => Math.ceil(n / a) * a;

export class GpuMemory {
  // gpu: gpu.js's {adapter, device}; core: emscripten's module; wasm:
  // WasmModule per translation unit; shaders: wgsl_meta.c's JSON per
  // translation unit; print: where device printf output goes.
  constructor(gpu, core, wasm, shaders, print) {
    Object.assign(this, { gpu, device: gpu.device, core, wasm, shaders, print });
    this.allocs = []; // sorted by addr: {addr, size, kind, mirror, gpuStale, hostStale}
    this.kernels = new Map(); // "m:k" -> Kernel, or a string: why it runs on wasm
    this.dummy = null;
    this.inflight = []; // each submitted launch's finish(): null or its failure
    this.stats = { gpu: 0, wasm: 0, uploaded: 0, readBack: 0 };
    wasm.forEach((mod) => {
      for (const g of mod.meta.globals) if (g.size > 0) this.track(g.addr, g.size, MEM.GLOBAL);
    });
  }

  // ---- allocations ---------------------------------------------------------

  _index(addr) { // first allocation whose addr is > addr
    let lo = 0, hi = this.allocs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.allocs[mid].addr <= addr) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  // A new cudaMalloc allocation holds nothing to upload (CUDA leaves its
  // bytes undefined); other memory starts as the host's.
  track(addr, size, kind) {
    const a = { addr, size, kind, mirror: null, gpuStale: kind !== MEM.DEVICE, hostStale: false };
    this.allocs.splice(this._index(addr), 0, a);
  }

  untrack(addr) {
    const i = this._index(addr) - 1;
    const a = this.allocs[i];
    if (!a || a.addr !== addr) return;
    a.mirror?.destroy();
    this.allocs.splice(i, 1);
  }

  find(addr) {
    const a = this.allocs[this._index(addr) - 1];
    return a && addr < a.addr + Math.max(a.size, 1) ? a : null;
  }

  _overlapping(addr, n) {
    const out = [];
    for (let i = Math.max(0, this._index(addr) - 1); i < this.allocs.length; i++) {
      const a = this.allocs[i];
      if (a.addr >= addr + n) break;
      if (a.addr + a.size > addr) out.push(a);
    }
    return out;
  }

  _mirror(a) {
    a.mirror ??= new DeviceBuffer(this.device, roundUp(Math.max(a.size, 16), 16));
    return a.mirror;
  }

  _upload(a) {
    const m = this._mirror(a), heap = this.core.HEAPU8;
    const end = Math.min(a.addr + roundUp(a.size, 4), heap.length);
    m.write(heap.subarray(a.addr, end));
    a.gpuStale = false;
    this.stats.uploaded += a.size;
  }

  async _readBack(a) {
    const bytes = await a.mirror.read(Uint8Array);
    this.core.HEAPU8.set(bytes.subarray(0, a.size), a.addr);
    a.hostStale = false;
    this.stats.readBack += a.size;
  }

  // Whether host access to [addr, addr+n) must wait for a read back.
  needsReadBack(addr, n) {
    return this._overlapping(addr, n).some((a) => a.hostStale);
  }

  // Before host code reads or writes [addr, addr+n) (a copy, a memset).
  async hostAccess(addr, n, write) {
    for (const a of this._overlapping(addr, n)) {
      const whole = write && addr <= a.addr && addr + n >= a.addr + a.size;
      if (a.hostStale && !whole) await this._readBack(a);
      a.hostStale = false;
      if (write) a.gpuStale = true;
    }
  }

  // Host writes to [addr, addr+n) that need no read back first.
  hostWrote(addr, n) {
    for (const a of this._overlapping(addr, n)) a.gpuStale = true;
  }

  // Managed and page-locked memory the GPU wrote, which host code may read
  // after a synchronisation without a copy.
  hostVisiblePending() {
    return this.allocs.some((a) => a.hostStale && (a.kind === MEM.MANAGED || a.kind === MEM.HOST));
  }

  async syncHostVisible() {
    await Promise.all(this.allocs.filter((a) => a.hostStale && (a.kind === MEM.MANAGED || a.kind === MEM.HOST))
      .map((a) => this._readBack(a)));
  }

  pending() { return this.allocs.some((a) => a.hostStale); }

  // Before a kernel runs on the WebAssembly device: every allocation's
  // current bytes in the heap; after it, the heap is newer everywhere
  // (it may write through any pointer).
  async readBackAll() {
    await Promise.all(this.allocs.filter((a) => a.hostStale).map((a) => this._readBack(a)));
  }

  wasmRan() {
    for (const a of this.allocs) a.gpuStale = true;
  }

  // ---- launches -------------------------------------------------------------

  // Kernel k of translation unit m as a WGSL Kernel, or the reason it
  // runs on the WebAssembly device.
  _kernel(m, k) {
    const key = `${m}:${k}`;
    let kk = this.kernels.get(key);
    if (kk) return kk;
    const wk = this.wasm[m].meta.kernels[k];
    const meta = this.shaders[m]?.kernels.find((x) => sameName(x.name, wk.name));
    if (!meta) kk = `no WGSL for '${wk.name}'`;
    else if (meta.error) kk = `${meta.error.file}:${meta.error.line}:${meta.error.col}: ${meta.error.message}`;
    else if (meta.params.length !== wk.params.length) kk = `'${wk.name}': parameters differ between the targets`;
    else if (meta.needsF16 && !this.device.features.has('shader-f16')) kk = `'${wk.name}' uses __half; the adapter has no shader-f16`;
    else {
      const globals = new Map(this.wasm[m].meta.globals.map((g) => [g.name, g]));
      const bad = (meta.globals ?? []).find((g) => {
        const w = globals.get(g.name);
        return !w || roundUp(w.size, 4) !== roundUp(g.bytes, 4);
      });
      const scalar = meta.params.find((p, i) => p.kind === 'scalar' && !scalarReader(p, wk.params[i]));
      if (bad) kk = `'${wk.name}': global '${bad.name}' has another layout in WGSL`;
      else if (scalar) kk = `'${wk.name}': parameter '${scalar.name}' (${scalar.type}) cannot be passed to WGSL`;
      else {
        const tu = { device: this.device, print: this.print,
          globalBuffer: (g) => this._mirror(this.find(globals.get(g.name).addr)) };
        kk = new Kernel(tu, meta);
        kk.globalsAddr = (meta.globals ?? []).map((g) => [globals.get(g.name).addr, g.written]);
      }
    }
    this.kernels.set(key, kk);
    return kk;
  }

  // The launch's arguments and the allocations it touches, or a string:
  // why the GPU cannot take it.
  _plan(kernel, wk, argAddr) {
    const view = new DataView(this.core.HEAPU8.buffer);
    const align = this.device.limits.minStorageBufferOffsetAlignment ?? 256;
    // allocation -> {written, own: bindings of their own (globals too),
    // pooled: packed parameters, views: offset -> the view passed}
    const args = [], uses = new Map();
    const use = (a, written) => {
      const u = uses.get(a) ?? { written: false, own: 0, pooled: 0, views: new Map() };
      u.written ||= written;
      uses.set(a, u);
      return u;
    };
    for (let i = 0; i < kernel.meta.params.length; i++) {
      const p = kernel.meta.params[i], w = wk.params[i];
      if (p.kind === 'scalar') { args.push(scalarReader(p, w)(view, argAddr + w.offset)); continue; }
      if (p.binding < 0) { args.push(null); continue; }
      const addr = view.getUint32(argAddr + w.offset, true);
      if (!addr) { args.push(this.dummy ??= new DeviceBuffer(this.device, 16)); continue; }
      const a = this.find(addr);
      if (!a) return `pointer argument '${p.name}' is not in an allocation the GPU mirrors`;
      const off = addr - a.addr, pooled = p.poolOffset !== undefined;
      if (off % 4 || (!pooled && off % align))
        return `pointer argument '${p.name}' starts ${off} bytes into its allocation (WebGPU binds at multiples of ${pooled ? 4 : align})`;
      const u = use(a, p.written);
      if (pooled) u.pooled++; else u.own++;
      // one view per pointer: a packed kernel's pool holds it once
      if (!u.views.has(off)) u.views.set(off, this._mirror(a).view(off, a.size - off));
      args.push(u.views.get(off));
    }
    for (const [addr, written] of kernel.globalsAddr) use(this.find(addr), written).own++;
    // WebGPU refuses a buffer bound writable and read-only in one dispatch;
    // a pool's copy back would overwrite what a binding of its own wrote,
    // and pool members at two offsets of one allocation would be copied
    // back over each other
    for (const [, u] of uses)
      if (u.written && (u.own > 1 || (u.own && u.pooled) || (u.pooled && u.views.size > 1)))
        return 'one allocation is passed to several pointer parameters and written';
    return { args, uses };
  }

  // Submits kernel k of module m to the GPU without waiting for it:
  // 'done'; 'prepare' when its pipeline must be made first (launch());
  // 'wasm' when it must run on the WebAssembly device (this.why says why).
  submit(m, k, argAddr, grid, block, shared) {
    const kernel = this._kernel(m, k);
    if (typeof kernel === 'string') { this.why = kernel; return 'wasm'; }
    const plan = this._plan(kernel, this.wasm[m].meta.kernels[k], argAddr);
    if (typeof plan === 'string') { this.why = plan; return 'wasm'; }
    const opts = { grid, block, sharedBytes: shared, args: plan.args };
    let finish;
    try {
      if (!pipelineReady(kernel.mod, kernel, opts)) return 'prepare';
      // managed and page-locked memory the host may have written without a
      // call, unless an earlier launch wrote it and no synchronisation has
      // read it back since: the GPU's copy is the newer one then (host
      // code touching it before synchronising races with the kernel)
      for (const [a] of plan.uses)
        if (a.gpuStale || ((a.kind === MEM.MANAGED || a.kind === MEM.HOST) && !a.hostStale)) this._upload(a);
      finish = submitKernel(kernel.mod, kernel, opts);
    } catch (e) { // limits (block size, shared memory): this launch cannot run on this adapter
      this.why = e.message;
      return 'wasm';
    }
    for (const [a, u] of plan.uses) if (u.written) a.hostStale = true;
    this.inflight.push(finish().then(() => null, (e) => e));
    this.stats.gpu++;
    return 'done';
  }

  // The same, making the pipeline first when it is new: true when the GPU
  // took the launch, false when it must run on the WebAssembly device.
  async launch(m, k, argAddr, grid, block, shared) {
    let r = this.submit(m, k, argAddr, grid, block, shared);
    if (r === 'prepare') {
      const kernel = this._kernel(m, k);
      const plan = this._plan(kernel, this.wasm[m].meta.kernels[k], argAddr);
      try {
        await preparePipeline(kernel.mod, kernel, { grid, block, sharedBytes: shared, args: plan.args });
        r = this.submit(m, k, argAddr, grid, block, shared);
      } catch (e) { // WebGPU refused the pipeline: nothing ran
        this.why = e.message;
        this.kernels.set(`${m}:${k}`, e.message);
        r = 'wasm';
      }
    }
    return r === 'done';
  }

  inflightCount() { return this.inflight.length; }

  // Waits for every submitted launch; -> the first one's failure (an Error,
  // with `asserts` for device asserts), or null.
  async drain() {
    const done = await Promise.all(this.inflight.splice(0));
    return done.find((e) => e) ?? null;
  }
}

// A function reading scalar parameter p (WGSL meta) from the wasm
// argument block (w: the wasm parameter, its offset and size), or null.
function scalarReader(p, w) {
  const lanes = p.lanes ?? 1;
  if (p.scalar === 'i64' || p.scalar === 'u64')
    return w.size === 8 && lanes === 1 ? (v, at) => v.getBigUint64(at, true) : null;
  const size = w.size / lanes;
  const one = {
    f32: { 4: (v, at) => v.getFloat32(at, true) },
    i32: { 1: (v, at) => v.getInt8(at), 2: (v, at) => v.getInt16(at, true), 4: (v, at) => v.getInt32(at, true) },
    u32: { 1: (v, at) => v.getUint8(at), 2: (v, at) => v.getUint16(at, true), 4: (v, at) => v.getUint32(at, true) },
    bool: { 1: (v, at) => v.getUint8(at), 4: (v, at) => v.getUint32(at, true) },
  }[p.scalar]?.[size];
  if (!one) return null;
  return lanes === 1 ? one : (v, at) => Array.from({ length: lanes }, (_, i) => one(v, at + i * size));
}
