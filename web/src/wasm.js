// wasm.js — the WebAssembly CPU device: kernels compiled by cuwasm's
// WebAssembly target (src/emit/wasm.c).  Each exported kernel function runs
// a whole thread block per call; its layout and calling convention are in
// the module's "cuwasm" custom section (JSON), read here.
//
// Memory is one WebAssembly.Memory the module imports.  Module globals sit
// at the addresses the compiler chose (from 1024); above them a bump
// allocator hands out buffers (mod.buffer()) and, for one launch, the
// argument block, copies of typed-array arguments and the blocks' scratch
// memory (shared memory, per-thread frames, stack), released when the
// launch returns.  Typed arrays passed for pointers are copied in before
// and, for non-const pointers, copied back after the launch.  Buffers of
// 64 KiB or more start at page offsets that step by 1,280 bytes (mod
// 4 KiB), as the native allocator's do (src/rt/cpu/guarded_alloc.c): two
// grids a power of two apart would otherwise share their low 12 address
// bits, and a load matching an earlier store's waits for it (4K aliasing;
// a 2-D stencil on one thread: 3.1 -> 2.65 ms).  What the module imports
// besides memory is in wasm_host.js.
//
// Blocks run on Web Workers (Node: worker_threads, wasm_pool.js) sharing
// the memory, one block per worker at a time, each worker with its own
// scratch region, when SharedArrayBuffer is available (Node, cross-origin
// isolated pages), the `workers` option (default: the hardware threads)
// asks for more than one thread, and the grid has more than one block; in
// Node this thread takes blocks beside them (`workers: N` is then N - 1
// workers and this thread).  Otherwise blocks run on this thread, one
// after another.  The compiler declares the memory
// import shared; for one thread the flag is cleared here (the memory is
// then an ordinary one).  Modules that call malloc in kernels (a heap
// whose free list lives here) or launch kernels from device code (the
// queue of child grids lives here: _runGrid) run on this thread, and so
// does a grid whose blocks, going by the kernel's last launch, take less
// time one after another than waking the workers (threadsFor).  Launches
// on one module run one at a time, in the order they were made.
//
// A whole program built for the web (program.js) passes its own memory
// instead (options memory, malloc, free): the module's globals then sit
// where the build placed them, device memory is the program's heap, and
// the program runs launches through runBlocks (on its thread) or, when
// its memory is shared (a build with threads), runOnThreads (on workers),
// with argument blocks and scratch of its own.

import { floatToHalfBits, halfBitsToFloat, hostImports } from './wasm_host.js';
import { WorkerPool, defaultWorkerCount, posterTakesBlocks, sharedMemoryAvailable } from './wasm_pool.js';
import { SHARE_BYTES, takeBlocks, trapFunction, writeShares } from './wasm_pool_shared.js';

export { floatToHalfBits, halfBitsToFloat };

const dims = (v, what) => {
  const a = typeof v === 'number' ? [v] : Array.from(v ?? [1]);
  while (a.length < 3) a.push(1);
  if (a.length > 3 || a.some((x) => !Number.isInteger(x) || x < 1))
    throw new Error(`cuwasm: ${what} must be 1 to 3 positive integers`);
  return a;
};

const sameName = (a, b) => a.replace(/\s+/g, '') === b.replace(/\s+/g, '');

// bytes as a WebAssembly.Module compiled on this thread, or null
const compiledNow = (bytes) => { try { return new WebAssembly.Module(bytes); } catch { return null; } };
const WASM_DEVICE_HEAP = 8 << 20; // bytes for malloc/new in kernels (cudaLimitMallocHeapSize's default)
const align = (n, a) => Math.ceil(n / a) * a;

// Reads the JSON of the module's "cuwasm" section.
export function wasmMetadata(module) {
  const sec = WebAssembly.Module.customSections(module, 'cuwasm');
  if (!sec.length) throw new Error('cuwasm: the WebAssembly module has no cuwasm section');
  return JSON.parse(new TextDecoder().decode(sec[0]));
}

export class WasmBuffer {
  constructor(mod, byteLength, addr) {
    this.mod = mod;
    this.byteLength = byteLength;
    this.addr = addr;
  }

  write(data, byteOffset = 0) {
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    new Uint8Array(this.mod.memory.buffer, this.addr + byteOffset, bytes.byteLength).set(bytes);
    return this;
  }

  async read(Type = Uint8Array, out = null) {
    const target = out ?? new Type(this.byteLength / (Type.BYTES_PER_ELEMENT ?? 1));
    new Uint8Array(target.buffer, target.byteOffset, target.byteLength)
      .set(new Uint8Array(this.mod.memory.buffer, this.addr, target.byteLength));
    return target;
  }

  // Memory comes from a bump allocator: destroying the most recent
  // buffers (in reverse order) gives their memory back.
  destroy() {
    if (this.mod.top === this.addr + Math.max(this.byteLength, 1)) this.mod.top = this.addr;
  }
}

const scalarWriters = {
  bool: (v, o, x) => v.setUint8(o, x ? 1 : 0), i8: (v, o, x) => v.setInt8(o, x), u8: (v, o, x) => v.setUint8(o, x),
  i16: (v, o, x) => v.setInt16(o, x, true), u16: (v, o, x) => v.setUint16(o, x, true),
  i32: (v, o, x) => v.setInt32(o, x, true), u32: (v, o, x) => v.setUint32(o, x, true),
  i64: (v, o, x) => v.setBigInt64(o, BigInt(x), true), u64: (v, o, x) => v.setBigUint64(o, BigInt(x), true),
  f32: (v, o, x) => v.setFloat32(o, x, true), f64: (v, o, x) => v.setFloat64(o, x, true),
};

// Finds the memory import (the first import, env.memory) of a module's
// binary: the offset of its limits byte (0x03: shared with a maximum,
// 0x01: a maximum, 0x00: neither) and the names of all imports.
function importsOf(binary) {
  const b = binary;
  let p = 8;
  const leb = () => { let v = 0, sh = 0, x; do { x = b[p++]; v += (x & 0x7f) * 2 ** sh; sh += 7; } while (x & 0x80); return v; };
  const name = () => { const n = leb(); const t = new TextDecoder().decode(b.subarray(p, p + n)); p += n; return t; };
  while (p < b.length) {
    const id = b[p++], size = leb(), end = p + size;
    if (id !== 2) { p = end; continue; }
    const count = leb(), names = [];
    let limits = -1;
    for (let i = 0; i < count; i++) {
      const m = name(), f = name(), kind = b[p++];
      names.push(`${m}.${f}`);
      if (kind === 2 && limits < 0) { limits = p; p++; leb(); if (b[limits] & 1) leb(); }
      else if (kind === 0) leb();
      else throw new Error('cuwasm: unexpected import in a WebAssembly device module');
    }
    return { limits, names };
  }
  return { limits: -1, names: [] };
}

// The module binary b without its data section (nor a data count): what
// workers instantiate over the shared memory, so that they do not write
// the module's globals again, which launches and host code may have
// changed since (a module whose code reads its data segments, as
// memory.init does, then fails to compile, and _startWorkers falls back).
function withoutData(b) {
  const keep = [b.subarray(0, 8)];
  for (let p = 8; p < b.length;) {
    const start = p, id = b[p++];
    let size = 0, sh = 0, x;
    do { x = b[p++]; size += (x & 0x7f) * 2 ** sh; sh += 7; } while (x & 0x80);
    p += size;
    if (id !== 11 && id !== 12) keep.push(b.subarray(start, p));
  }
  const out = new Uint8Array(keep.reduce((n, k) => n + k.length, 0));
  keep.reduce((at, k) => { out.set(k, at); return at + k.length; }, 0);
  return out;
}

const MAX_PAGES = 65536; // the maximum the compiler declares (4 GiB)

// Bytes to keep a suspended block's call stack (the kernel's locals) in a
// cooperative launch (runCooperative); a block whose locals do not fit
// traps with asyncify's 'unreachable'.
const COOP_SAVE_BYTES = 65536;
// A grid whose blocks take less than this (ms) one after another runs on
// the calling thread: waking workers and waiting for them costs about as
// much (tens of microseconds a launch; bench/web/programs.sh, launches)
const SERIAL_WORK_MS = 0.1;
// CUDA's limits for grids launched from device code: nesting depth, and
// grids queued and not yet started under one host launch
// (cudaLimitDevRuntimePendingLaunchCount's default)
const DEVICE_LAUNCH_DEPTH = 24, DEVICE_LAUNCH_PENDING = 2048;
const STREAM_TAIL_LAUNCH = 0x3; // cudaStreamTailLaunch
// CUWASM_WASM_SHARES=1 (Node): every thread takes blocks from one counter,
// instead of a contiguous share each, for comparing the two schedules
const sharesWanted = globalThis.process?.env?.CUWASM_WASM_SHARES === '1' ? 1 : null;

export class WasmModule {
  // Use WasmModule.fromBinary (compiling is asynchronous: browsers refuse
  // to compile large modules synchronously on the main thread).
  // prefix: a path prefix to strip from diagnostics' file names;
  // workers: how many threads run blocks (default: the hardware threads;
  // 1: this thread only; in Node this thread is one of them)
  // memory, malloc, free: a program's memory and heap (program.js); its
  // blocks run on workers too when that memory is shared
  // workerUrl: the worker script, when not wasm_worker.js next to this file
  // serialBelowMs: see threadsFor
  constructor({ print, prefix = null, workers, memory = null, malloc = null, free = null, workerUrl = null,
    serialBelowMs = SERIAL_WORK_MS } = {}) {
    this.serialBelowMs = serialBelowMs;
    this.kind = 'wasm';
    this.print = print;
    this.prefix = prefix;
    this.external = memory ? { memory, malloc, free } : null;
    this.workerUrl = workerUrl;
    // a program's memory is shared when its host code was built with threads
    this.externalShared = !!memory && typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
    this.workersWanted = this.external && !this.externalShared ? 1 : workers;
    this._queue = Promise.resolve();
    this._pending = 0;
  }

  // binary: the bytes `cuwasm transpile --target wasm` writes
  static async fromBinary(binary, options = {}) {
    const mod = new this(options);
    await mod._load(binary);
    return mod;
  }

  _printer() {
    return this.print ?? ((t) => (typeof process !== 'undefined' && process.stdout ? process.stdout.write(t) : console.log(t)));
  }

  async _load(binary) {
    this.pool?.terminate();
    this.pool = this._pool = null;
    binary = ArrayBuffer.isView(binary) ? new Uint8Array(binary.buffer, binary.byteOffset, binary.byteLength) : new Uint8Array(binary);
    const { limits, names } = importsOf(binary);
    const wanted = this.workersWanted ?? await defaultWorkerCount();
    if (!Number.isInteger(wanted) || wanted < 1) throw new Error(`cuwasm: workers must be a positive integer, not ${wanted}`);
    const shareable = limits >= 0 && binary[limits] === 3;
    // workers need the memory shared; device malloc's free list lives on this thread
    // (and a module with grid_group::sync runs its blocks in turns on this thread: runCooperative)
    // (and so does a module whose kernels launch kernels: _runGrid)
    this.launches = names.includes('env.launch') || names.includes('env.devrt');
    this._blockMs = new Map(); // kernel export -> ms per block in its last launch (threadsFor)
    this.threads = shareable && wanted > 1 && sharedMemoryAvailable() && !names.includes('env.malloc') &&
      !names.includes('env.grid_sync') && !this.launches ? wanted : 1;
    if (shareable && this.threads === 1 && !this.externalShared) { // an ordinary memory: clear the shared flag
      binary = Uint8Array.from(binary);
      binary[limits] = 1;
    }
    const module = await WebAssembly.compile(binary);
    this.module = module;
    this.binary = binary;
    this.meta = wasmMetadata(module);
    for (const k of this.meta.kernels)
      if (k.error && this.prefix && k.error.file.startsWith(this.prefix)) k.error.file = k.error.file.slice(this.prefix.length);
    const pages = Math.max(Math.ceil((this.meta.data_end + 65536) / 65536), 16);
    this.memory = this.external?.memory ?? new WebAssembly.Memory(shareable
      ? { initial: pages, maximum: MAX_PAGES, ...(this.threads > 1 ? { shared: true } : {}) }
      : { initial: pages });
    this._asserts = [];
    this.instance = await WebAssembly.instantiate(module, hostImports({
      memory: this.memory,
      printf: (text) => this._printer()(text),
      malloc: (n) => (this.external ? this.external.malloc(n >>> 0) : this._heapAlloc(n)),
      free: (p) => (this.external ? this.external.free(p >>> 0) : this._heapFree(p)),
      assert: (message) => this._asserts.push(message),
      gridSync: () => this._gridSync(),
      launch: (k, args, gx, gy, gz, bx, by, bz, shared, stream, t) =>
        this._launchChild(k, args >>> 0, [gx >>> 0, gy >>> 0, gz >>> 0], [bx >>> 0, by >>> 0, bz >>> 0], shared >>> 0, stream >>> 0, t),
      devrt: (op, t) => this._deviceRuntime(op, t),
    }));
    this.heapBase = align(this.meta.data_end, 64);
    // the device heap (malloc/new in kernels): a region of its own, kept
    // across launches, first-fit over a free list; blocks carry their size
    // in the 16 bytes before them
    this._freeList = [];
    if (!this.external && names.includes('env.malloc')) {
      const bytes = WASM_DEVICE_HEAP;
      this._freeList.push({ addr: this.heapBase, size: bytes });
      this.heapBase += bytes;
      const need = this.heapBase + 65536 - this.memory.buffer.byteLength;
      if (need > 0) this.memory.grow(Math.ceil(need / 65536));
    }
    this.top = this.heapBase;
  }

  // The workers, started at the first launch that uses them (or earlier:
  // program.js starts them before main).  They instantiate the module
  // without its data section (withoutData); should that not compile,
  // instantiating runs the data segment again over the shared memory, and
  // the module globals are kept aside and put back around it.
  _workers() {
    this._pool ??= this._startWorkers().catch((e) => { this._pool = null; throw e; });
    return this._pool;
  }

  // Starts the workers now, in the background, when launches will use
  // them (a program does before main); a failure comes back at the launch.
  startWorkers() {
    if (this.threads > 1) this._workers().catch(() => {});
  }

  // Resolves once every worker has started (at once on one thread).
  // Launches never need it: they run on the workers already up.  A
  // benchmark does, to time the steady state rather than the first
  // launches' start-up (in Node a worker takes tens of milliseconds).
  async ready() {
    if (this.threads <= 1) return;
    const pool = await this._workers();
    await pool.ready;
  }

  // Without the data section (the usual case) the pool is returned as
  // soon as its workers are spawned: launches run from then on, on this
  // thread and the workers already up (wasm_pool.js's create).  In Node
  // that module is compiled synchronously, so a program's startWorkers
  // before main spawns the workers at once, and they start up on their
  // own threads while host code runs (the first launch of a program on 2
  // threads waited 50 ms for them, bench/README.md).
  async _startWorkers() {
    const workers = posterTakesBlocks ? this.threads - 1 : this.threads;
    const print = (t) => this._printer()(t);
    const bare = posterTakesBlocks ? compiledNow(withoutData(this.binary))
      : await WebAssembly.compile(withoutData(this.binary)).catch(() => null);
    if (bare) {
      this.pool = WorkerPool.create(workers, bare, this.memory, print, this.workerUrl);
    } else {
      const lo = this.meta.data_base ?? 1024, hi = this.meta.data_end;
      const saved = new Uint8Array(this.memory.buffer).slice(lo, hi);
      this.pool = await WorkerPool.start(workers, this.module, this.memory, print, this.workerUrl);
      new Uint8Array(this.memory.buffer).set(saved, lo);
    }
    if (this.destroyed) this.pool.terminate();
    return this.pool;
  }

  get kernels() {
    return this.meta.kernels.map((k) => ({
      name: k.name,
      params: (k.params ?? []).map((p) => ({ name: p.name, type: p.type })),
      supported: !k.error,
      ...(k.error ? { error: k.error } : {}),
    }));
  }

  _heapAlloc(n) {
    const size = align(n + 16, 16);
    const i = this._freeList.findIndex((b) => b.size >= size);
    if (i < 0) return 0; // exhausted: NULL, as CUDA's device malloc
    const b = this._freeList[i];
    const addr = b.addr;
    if (b.size === size) this._freeList.splice(i, 1);
    else { b.addr += size; b.size -= size; }
    new DataView(this.memory.buffer).setUint32(addr, size, true);
    return addr + 16;
  }

  _heapFree(p) {
    if (!p) return;
    const size = new DataView(this.memory.buffer).getUint32(p - 16, true);
    this._freeList.push({ addr: p - 16, size });
  }

  _alloc(bytes) {
    let addr = align(this.top, 64);
    if (bytes >= 65536) { // staggered page offsets (the head of the file)
      this._staggered = ((this._staggered ?? 0) + 1) % 16;
      addr = align(this.top, 4096) + ((this._staggered * 1280) % 4096);
    }
    this.top = addr + Math.max(bytes, 1);
    const need = this.top - this.memory.buffer.byteLength;
    if (need > 0) this.memory.grow(Math.ceil(need / 65536));
    return addr;
  }

  buffer(init) {
    if (typeof init === 'number') {
      const b = new WasmBuffer(this, init, this._alloc(init));
      new Uint8Array(this.memory.buffer, b.addr, init).fill(0);
      return b;
    }
    return new WasmBuffer(this, init.byteLength, this._alloc(init.byteLength)).write(init);
  }

  _kernel(name) {
    const k = this.meta.kernels.find((x) => sameName(x.name, name));
    if (!k) throw new Error(`cuwasm: no kernel '${name}' (kernels: ${this.meta.kernels.map((x) => x.name).join(', ')})`);
    if (k.error) {
      const d = k.error;
      const e = new Error(`${d.file}:${d.line}:${d.col}: error: ${d.message}`);
      e.diagnostics = [{ file: d.file, line: d.line, col: d.col, message: d.message }];
      throw e;
    }
    return k;
  }

  // Runs every block of the grid (on the workers, or here in order);
  // resolves when all have finished.  Launches run one at a time, in
  // order; one that runs on this thread with none before it still in
  // flight has run when launch() returns, as before workers existed.
  launch(name, options) {
    const start = () => this._launch(name, options ?? {});
    const run = this._pending ? this._queue.then(start) : start();
    this._pending++;
    const settled = () => { this._pending--; };
    this._queue = run.then(settled, settled);
    return run;
  }

  async _launch(name, { grid = [1], block = [1], sharedBytes = 0, args = [] }) {
    if (this.destroyed) throw new Error('cuwasm: module destroyed');
    const k = this._kernel(name);
    const g = dims(grid, 'grid'), b = dims(block, 'block');
    if (b[0] * b[1] * b[2] > 1024 || b[2] > 64) // CUDA's limits; the module's warp exchange arrays hold 1024
      throw new Error(`cuwasm: block ${b.join('x')} exceeds 1024 threads (or 64 in z)`);
    if (args.length !== k.params.length)
      throw new Error(`cuwasm: '${k.name}' takes ${k.params.length} arguments, got ${args.length}`);
    const nw = this.threadsFor(g, k);
    const mark = this.top;
    try {
      const argAddr = this._alloc(Math.max(k.args_size, 8));
      const readBack = [];
      const ptrs = args.map((a, i) => {
        const p = k.params[i];
        if (!p.type.includes('*')) return null;
        if (a instanceof WasmBuffer) return a.addr;
        if (a === null || a === 0) return 0;
        if (!ArrayBuffer.isView(a)) throw new Error(`cuwasm: argument '${p.name}' (${p.type}) must be a typed array or a buffer of this module`);
        const addr = this._alloc(a.byteLength);
        new Uint8Array(this.memory.buffer, addr, a.byteLength).set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
        if (!p.type.startsWith('const ')) readBack.push([addr, a]);
        return addr;
      });
      const scratch = Array.from({ length: nw }, () => this._alloc(this.scratchBytes(k, b, sharedBytes)));
      const view = new DataView(this.memory.buffer);
      k.params.forEach((p, i) => {
        const o = argAddr + p.offset;
        if (ptrs[i] !== null) { view.setBigUint64(o, BigInt(ptrs[i]), true); return; }
        const w = scalarWriters[p.type.replace(/^const /, '')];
        if (w) { w(view, o, args[i]); return; }
        const a = args[i];
        if (!ArrayBuffer.isView(a) || a.byteLength !== p.size)
          throw new Error(`cuwasm: argument '${p.name}' (${p.type}) must be a typed array of ${p.size} bytes`);
        new Uint8Array(this.memory.buffer, o, p.size).set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
      });
      if (nw > 1) {
        await this.runOnThreads(k, argAddr, sharedBytes, g, b, scratch, this._alloc(this.counterBytes(nw)));
      } else {
        this.runBlocks(k, argAddr, scratch[0], sharedBytes, g, b);
      }
      for (const [addr, a] of readBack)
        new Uint8Array(a.buffer, a.byteOffset, a.byteLength).set(new Uint8Array(this.memory.buffer, addr, a.byteLength));
    } finally {
      this.top = mark;
    }
  }

  // How many threads run grid g's blocks of kernel k: the workers (and in
  // Node this thread) when there are workers and more than one block (the
  // workers' block counter is an i32, which runs past the grid by up to a
  // chunk per worker), unless k's last launch says that the whole grid's
  // blocks take less time one after another than waking the workers
  // costs (serialBelowMs, by default SERIAL_WORK_MS).
  threadsFor(g, k = null) {
    const nblocks = g[0] * g[1] * g[2];
    if (this.threads === 1 || !(nblocks > 1 && nblocks < 2 ** 31 - 65536)) return 1;
    const perBlock = k ? this._blockMs.get(k.export) : undefined;
    if (perBlock !== undefined && perBlock * nblocks < this.serialBelowMs) return 1;
    return Math.min(this.threads, nblocks);
  }

  // what one block of kernel k took in its last launch (threadsFor)
  _timed(k, ms, blocks) {
    if (blocks > 0 && this.threads > 1) this._blockMs.set(k.export, ms / blocks);
  }

  // The bytes runOnThreads needs for the counters of nw threads' shares.
  counterBytes(nw) { return ((sharesWanted ?? nw) + 1) * SHARE_BYTES; }

  // Every block of grid g (block b) of kernel k, arguments at argAddr, on
  // scratch.length threads (the workers, and in Node this thread), each
  // with the scratchBytes(k, b, sharedBytes) bytes at its scratch[i]; the
  // shares' counters in the counterBytes(scratch.length) bytes at counter.
  // Resolves when every block has run; throws as runBlocks does.
  async runOnThreads(k, argAddr, sharedBytes, g, b, scratch, counter) {
    const pool = await this._workers();
    const nw = scratch.length, nblocks = g[0] * g[1] * g[2];
    // a contiguous share of the blocks per thread (wasm_pool_shared.js);
    // CUWASM_WASM_SHARES=1 in Node: one counter for all (to compare)
    const shares = sharesWanted ?? nw;
    const at = counter + SHARE_BYTES - (counter % SHARE_BYTES); // its own cache lines
    writeShares(this.memory, at, shares, nblocks);
    // blocks per take of a counter: at least 16 takes per worker for the balance, at most 64 blocks
    const chunk = Math.max(1, Math.min(64, Math.floor(nblocks / (16 * nw))));
    const job = { exportName: k.export, argAddr, sharedBytes, grid: g, block: b, counter: at, chunk, shares };
    let failed;
    try {
      failed = posterTakesBlocks
        ? await pool.run(job, scratch.slice(1), () => takeBlocks(this.instance.exports[k.export], this.memory, job, scratch[0], 0))
        : await pool.run(job, scratch);
    } catch (e) {
      throw this._blockFailure(k, e);
    }
    if (!failed) {
      const a = pool.lastRun.answers.filter((x) => !x.withdrawn && x.blocks);
      this._timed(k, a.reduce((t, x) => t + x.end - x.start, 0), a.reduce((n, x) => n + x.blocks, 0));
      return;
    }
    if (failed.trap === undefined) { // a worker itself failed: start afresh next time
      this.pool.terminate();
      this.pool = this._pool = null;
      throw new Error(failed.message);
    }
    const err = this._launchError(k, { message: failed.message, runtime: failed.trap, where: failed.where }, failed.asserts ?? []);
    if (failed.trap && !err.asserts) err.trap = { message: failed.message };
    throw err;
  }

  // Every block of grid g (block b) in order on this thread, kernel k of
  // this.meta, arguments at argAddr, scratchBytes(k, b, sharedBytes) bytes
  // at scratch; then the grids its kernels launched (_runGrid), in memory
  // from mem.alloc (freed with mem.free; by default this launch's own).
  runBlocks(k, argAddr, scratch, sharedBytes, g, b, mem = null) {
    const fn = this.instance.exports[k.export];
    try {
      if (this.launches) {
        const family = { pending: 0, streams: 0 };
        this._runGrid(k, argAddr, scratch, sharedBytes, g, b, 0, family, mem ?? { alloc: (n) => this._alloc(n), free: () => {} });
        return;
      }
      const start = performance.now();
      for (let z = 0; z < g[2]; z++)
        for (let y = 0; y < g[1]; y++)
          for (let x = 0; x < g[0]; x++)
            fn(argAddr, scratch, sharedBytes, x, y, z, g[0], g[1], g[2], b[0], b[1], b[2]);
      this._timed(k, performance.now() - start, g[0] * g[1] * g[2]);
    } catch (e) {
      throw e.launchError ? e : this._blockFailure(k, e);
    }
  }

  // Dynamic parallelism (CUDA 12's semantics, as the CPU backend's
  // rt/cpu/device_launch.c): a launch from device code (env.launch,
  // src/emit/wasm_launch.c) copies the arguments and queues the grid in
  // its parent grid's record; when every block of the parent has run, the
  // queued grids run in launch order, the ones launched into
  // cudaStreamTailLaunch last, each with its own descendants, before the
  // parent's launch is complete.  A failure in a child grid fails the
  // host's launch, named after the child's kernel.
  _runGrid(k, argAddr, scratch, sharedBytes, g, b, depth, family, mem) {
    const fn = this.instance.exports[k.export];
    const grid = { depth, family, children: [], tails: [], errors: new Map() }, outer = this._grid;
    this._grid = grid;
    try {
      for (let z = 0; z < g[2]; z++)
        for (let y = 0; y < g[1]; y++)
          for (let x = 0; x < g[0]; x++) {
            grid.errors.clear(); // the threads' last errors are per block
            fn(argAddr, scratch, sharedBytes, x, y, z, g[0], g[1], g[2], b[0], b[1], b[2]);
          }
    } finally {
      this._grid = outer;
    }
    for (const c of [...grid.children, ...grid.tails]) {
      family.pending--;
      const ck = this.meta.kernels[c.kernel];
      const a = mem.alloc(Math.max(ck.args_size, 8)), s = mem.alloc(this.scratchBytes(ck, c.block, c.shared) + 64);
      try {
        if (!a || !s) throw new Error(`cuwasm: out of memory for a grid of '${ck.name}' launched from device code`);
        new Uint8Array(this.memory.buffer, a, c.args.length).set(c.args);
        this._runGrid(ck, a, (s + 63) & ~63, c.shared, c.grid, c.block, depth + 1, family, mem);
      } catch (e) {
        if (e.launchError) throw e;
        const err = this._blockFailure(ck, e);
        err.launchError = true;
        throw err;
      } finally {
        if (a) mem.free(a);
        if (s) mem.free(s);
      }
    }
  }

  // env.launch: thread t of the running block launches kernel index
  // kernel with the argument block at args; the cudaError_t it returns
  // (CUDA's limits: depth 24, 2048 pending grids, the launch configuration)
  // is also the thread's last error.
  _launchChild(kernel, args, grid, block, shared, stream, t) {
    const g = this._grid;
    if (!g) throw new Error('cuwasm: a kernel launch from device code in a cooperative launch (not supported on the WebAssembly device)');
    const k = this.meta.kernels[kernel];
    const threads = block[0] * block[1] * block[2];
    let err = 0;
    if (g.depth + 1 > DEVICE_LAUNCH_DEPTH) err = 65; // cudaErrorLaunchMaxDepthExceeded
    else if (grid.some((x) => x < 1) || block.some((x) => x < 1) || grid[0] > 2 ** 31 - 1 || grid[1] > 65535 ||
             grid[2] > 65535 || threads > 1024 || block[0] > 1024 || block[1] > 1024 || block[2] > 64)
      err = 9; // cudaErrorInvalidConfiguration (src/rt/launch_check.c's limits)
    else if (this.meta.shared_static + shared > 49152) err = 1; // cudaErrorInvalidValue, as a host launch's
    else if (!k || k.error) err = 98; // cudaErrorInvalidDeviceFunction
    else if (g.family.pending >= DEVICE_LAUNCH_PENDING) err = 69; // cudaErrorLaunchPendingCountExceeded
    if (!err) {
      g.family.pending++;
      const c = { kernel, args: new Uint8Array(this.memory.buffer, args, k.args_size).slice(), grid, block, shared };
      (stream === STREAM_TAIL_LAUNCH ? g.tails : g.children).push(c);
    }
    if (err || g.errors.has(t)) g.errors.set(t, err);
    return err;
  }

  // env.devrt: cudaGetLastError (op 0), cudaPeekAtLastError (1),
  // cudaGetDevice (2), cudaStreamCreateWithFlags (3: a handle apart from
  // NULL and CUDA's named streams; grids of every stream run in launch
  // order here, which CUDA allows) for thread t of the running block.
  _deviceRuntime(op, t) {
    const g = this._grid;
    if (op === 0 || op === 1) {
      const e = g?.errors.get(t) ?? 0;
      if (op === 0) g?.errors.delete(t);
      return e;
    }
    if (op === 3) return g ? 0x100 + 0x10 * g.family.streams++ : 0x100;
    return 0;
  }

  // A cooperative launch of kernel k (cudaLaunchCooperativeKernel), whose
  // grid_group::sync() calls the host (env.grid_sync): every block of grid
  // g runs on this thread until its next grid.sync(), where the module,
  // made resumable at build time (Binaryen's asyncify: `cuwasm cc --target
  // web` runs wasm-opt over modules that import env.grid_sync), unwinds
  // into the block's own save area; once every block has arrived, each is
  // rewound in turn to go on to its next grid.sync() or its end.  So every
  // block has scratch of its own (shared memory, thread frames, stack),
  // from alloc(bytes) (freed with free); a block that ends while others
  // wait counts as arrived, as the blocks still running need no more.
  runCooperative(k, argAddr, sharedBytes, g, b, alloc, free) {
    const fn = this.instance.exports[k.export], ex = this.instance.exports;
    const n = g[0] * g[1] * g[2], bytes = this.scratchBytes(k, b, sharedBytes);
    const scratch = [], saves = [];
    const state = new Uint8Array(n); // 0 not started, 1 waiting at a grid.sync(), 2 ended
    try {
      for (let i = 0; i < n; i++) {
        const s = alloc(bytes + 64), d = alloc(COOP_SAVE_BYTES);
        if (s) scratch.push(s);
        if (d) saves.push(d);
        if (!s || !d) throw new Error(`cuwasm: out of memory for block ${i} of a cooperative launch (cudaErrorMemoryAllocation)`);
      }
      for (let waiting = n; waiting;) {
        waiting = 0;
        for (let i = 0; i < n; i++) {
          if (state[i] === 2) continue;
          this._coop = { save: saves[i], rewinding: state[i] === 1, unwound: false };
          if (state[i] === 1) ex.asyncify_start_rewind(saves[i]);
          const x = i % g[0], y = Math.floor(i / g[0]) % g[1], z = Math.floor(i / (g[0] * g[1]));
          fn(argAddr, (scratch[i] + 63) & ~63, sharedBytes, x, y, z, g[0], g[1], g[2], b[0], b[1], b[2]);
          if (this._coop.unwound) {
            ex.asyncify_stop_unwind();
            state[i] = 1;
            waiting++;
          } else {
            state[i] = 2;
          }
        }
      }
    } catch (e) {
      if (ex.asyncify_get_state?.() === 1) ex.asyncify_stop_unwind();
      if (ex.asyncify_get_state?.() === 2) ex.asyncify_stop_rewind();
      throw this._blockFailure(k, e);
    } finally {
      this._coop = null;
      for (const p of scratch) free(p);
      for (const p of saves) free(p);
    }
  }

  // env.grid_sync: the running block suspends (runCooperative), or, being
  // rewound, goes on past it
  _gridSync() {
    const c = this._coop, ex = this.instance.exports;
    if (!c) throw new Error('cuwasm: grid_group::sync() needs a cooperative launch (cudaLaunchCooperativeKernel): the grid\'s blocks are not all resident');
    if (!ex.asyncify_start_unwind)
      throw new Error('cuwasm: grid_group::sync() in a module that cannot suspend a block: build the program with cuwasm cc --target web, which makes such modules resumable (Binaryen\'s wasm-opt)');
    if (c.rewinding) {
      ex.asyncify_stop_rewind();
      c.rewinding = false;
      return;
    }
    const h = new Int32Array(this.memory.buffer, c.save, 2); // the save area: its next byte, its end
    h[0] = c.save + 8;
    h[1] = c.save + COOP_SAVE_BYTES;
    ex.asyncify_start_unwind(c.save);
    c.unwound = true;
  }

  // The error for e, thrown by a block of kernel k on this thread.
  _blockFailure(k, e) {
    const asserts = this._asserts;
    this._asserts = [];
    const runtime = e instanceof WebAssembly.RuntimeError;
    const err = this._launchError(k, { message: e.message, runtime, error: e, where: trapFunction(e) }, asserts);
    if (runtime && !asserts.length) err.trap = e;
    return err;
  }

  // The scratch memory one block of kernel k needs (see the file's head).
  scratchBytes(k, b, sharedBytes) {
    return this.meta.shared_static + sharedBytes + 16 + b[0] * b[1] * b[2] * k.frame + this.meta.stack;
  }

  // The error a launch fails with: the failed device asserts (a failed
  // assert traps after telling the host), a trap, or what was thrown.
  _launchError(k, { message, runtime, error, where = null }, asserts) {
    if (asserts.length) {
      const err = new Error(`cuwasm: device assertion failed in '${k.name}':\n${asserts.join('\n')}`);
      err.asserts = asserts;
      return err;
    }
    if (runtime) {
      const why = /unreachable/.test(message) ? '__trap(), or device functions overflowed their stack' : message;
      const at = where && where !== k.name ? ` (in '${where}')` : '';
      return new Error(`cuwasm: kernel '${k.name}' trapped: ${why}${at}`);
    }
    return error ?? new Error(message);
  }

  destroy() {
    this.destroyed = true;
    this.pool?.terminate();
    this.pool = this._pool = null;
  }
}

export { sameName };
