// program.js — runs a whole CUDA program built with `cuwasm cc --target
// web`: its host code (emscripten's module, with the CUDA runtime API of
// src/compat/ and the glue of src/compat/web/) and its kernels, one
// WebAssembly module per translation unit compiled at build time, and the
// same kernels in WGSL.
//
// The device is chosen before main runs: CUWASM_BACKEND (Node's
// environment, a page's ?backend=) 'webgpu', 'wasm' or 'auto' (the
// default: WebGPU when there is an adapter, else the WebAssembly device).
// On WebGPU, launches go through program_gpu.js, which runs on the
// WebAssembly device the kernels WGSL cannot express; device memory is
// the program's heap in both cases.  The kernel modules import the
// program's own memory (wasm.js's WasmModule with an external memory), so
// a WebAssembly launch is a synchronous call from the host code into a
// kernel module, or, when the program was built with threads (a shared
// heap) and the grid is worth it (WasmModule.threadsFor), its blocks run
// on the module's Web Workers (CUWASM_THREADS; default the hardware
// threads) while the host code is suspended; a WebGPU launch, and a copy
// or synchronisation that must wait for the GPU, suspend the host code
// too, through Asyncify (the C side's
// EM_ASYNC_JS calls, src/compat/web/web_runtime.c), which is why main is
// called through ccall's async mode.  Every module is compiled and
// instantiated asynchronously before main runs, as browsers require of
// large modules on the main thread.
//
// The C side reaches this file through Module.cuwasmDevice (the object
// makeDevice fills); wasm.js is handed in rather than imported, so that a
// built program can carry both files inside itself.
//
//   const status = await runProgram({ factory, wasmjs, kernels, shaders,
//                                     importWebGPU, env, args, print, printErr });
import { getDevice } from './gpu.js';
import { GpuMemory } from './program_gpu.js';

const base64Bytes = (b64) => {
  if (typeof Buffer !== 'undefined') return new Uint8Array(Buffer.from(b64, 'base64'));
  const s = atob(b64), out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
};

// What a kernel's failure is called by CUDA, for the C side's message
// (src/compat/runtime_errors.c reads the name in parentheses).
function cudaFailure(e) {
  if (e.asserts) return `device-side assert triggered (cudaErrorAssert): ${e.asserts.join('; ')}`;
  const m = e.trap?.message ?? '';
  if (/out of bounds|memory access/.test(m))
    return `an illegal memory access was encountered (cudaErrorIllegalAddress): ${e.message}`;
  return `unspecified launch failure (cudaErrorLaunchFailure): ${e.message}`;
}

const threadsOf = (modules) => Math.max(1, ...modules.map((m) => m.threads));

// Makes dev the device object the C glue calls; modules: WasmModule per
// TU; gpu: program_gpu.js's GpuMemory, or null for the WebAssembly device.
function makeDevice(dev, core, modules, printErr, gpu) {
  const out = [];
  const said = new Set();
  let outBytes = 0;
  const enc = new TextEncoder();
  Object.assign(dev, {
    threads: gpu ? 1 : threadsOf(modules),
    stats: { here: 0, threaded: 0 }, // launches on this thread, on the workers
    name: dev.name ?? (threadsOf(modules) > 1 ? `WebAssembly (CPU, ${threadsOf(modules)} threads)` : 'WebAssembly (CPU, this thread)'),
    kind: gpu ? 'webgpu' : 'wasm',
    lastError: dev.lastError ?? '',
    held: (text) => { const b = enc.encode(text); out.push(b); outBytes += b.length; },
    outputLength: () => outBytes,
    outputTake: (ptr, n) => { // n: outputLength()'s answer
      let at = ptr;
      for (const b of out) if (at + b.length <= ptr + n) { core.HEAPU8.set(b, at); at += b.length; }
      out.length = 0;
      outBytes = 0;
    },
    moduleLoad: (i) => {
      if (modules[i]) return i;
      dev.lastError = `the device code of translation unit ${i} is not in this program`;
      return -1;
    },
    kernelFind: (m, name) => {
      const ks = modules[m].meta.kernels;
      // the runtime's rule (kir_kernel_named): C names on every kernel
      // before C++ names (an overload's C name may be another's C++ name)
      const bare = name.replace(/\s+/g, '');
      let i = ks.findIndex((k) => k.cname === name);
      if (i < 0) i = ks.findIndex((k) => k.name.replace(/\s+/g, '') === bare);
      if (i >= 0 && ks[i].error) {
        const d = ks[i].error;
        dev.lastError = `${d.file}:${d.line}:${d.col}: error: ${d.message} (cudaErrorInvalidDeviceFunction)`;
        return -2;
      }
      return i;
    },
    kernelInfo: (m, k, what, i) => {
      const kk = modules[m].meta.kernels[k];
      return [kk.params.length, kk.args_size, kk.params[i]?.offset, kk.params[i]?.size][what] ?? 0;
    },
    symbolFind: (m, name) => modules[m].meta.globals.find((g) => g.name === name) ?? null,
    // the WebAssembly device: 0, 1 when the kernel failed, or 2 when
    // launchThreads must run it (on the workers, suspending the host code)
    launch: (m, k, args, grid, block, shared) => {
      const mod = modules[m], kk = mod.meta.kernels[k];
      if (!(kk.grid_sync && dev.cooperative) && mod.threadsFor(grid, kk) > 1) return 2;
      return runHere(m, k, args, grid, block, shared);
    },
    launchThreads: async (m, k, args, grid, block, shared) => {
      const mod = modules[m], kk = mod.meta.kernels[k], nw = mod.threadsFor(grid, kk);
      const bytes = mod.scratchBytes(kk, block, shared) + 64, held = [];
      const take = (n) => { const p = core._malloc(n); if (p) held.push(p); return p; };
      try {
        const scratch = Array.from({ length: nw }, () => take(bytes)), counter = take(mod.counterBytes(nw) + 64);
        if (!counter || scratch.some((p) => !p)) {
          dev.lastError = 'out of memory (cudaErrorMemoryAllocation) for the blocks\' scratch memory';
          return 1;
        }
        await mod.runOnThreads(kk, args, shared, grid, block, scratch.map((p) => (p + 63) & ~63), counter);
        dev.stats.threaded++;
        return 0;
      } catch (e) {
        return failed(e);
      } finally {
        for (const p of held) core._free(p);
      }
    },
    // WebGPU (dev.kind 'webgpu'): the launch submitted to the GPU without
    // waiting, or, for a kernel WGSL cannot express, run on the
    // WebAssembly device when no GPU bytes must come back first: 0, 1 when
    // that kernel failed, 2 when launchGpu must finish the job (a new
    // pipeline to make, bytes to read back).
    launchGpuNow: (m, k, args, grid, block, shared) => {
      const r = gpu.submit(m, k, args, grid, block, shared);
      if (r === 'done') return 0;
      if (r === 'prepare' || gpu.pending()) return 2;
      return wasmInstead(m, k, args, grid, block, shared);
    },
    launchGpu: async (m, k, args, grid, block, shared) => {
      if (await gpu.launch(m, k, args, grid, block, shared)) return 0;
      await gpu.readBackAll();
      return wasmInstead(m, k, args, grid, block, shared);
    },
    track: (p, n, kind) => gpu?.track(p, n, kind),
    untrack: (p) => gpu?.untrack(p),
    needsReadBack: (p, n) => (gpu && gpu.needsReadBack(p, n) ? 1 : 0),
    hostAccess: (p, n, write) => gpu.hostAccess(p, n, write),
    hostWrote: (p, n) => gpu?.hostWrote(p, n),
    syncPending: () => (gpu && (gpu.inflightCount() || gpu.hostVisiblePending()) ? 1 : 0),
    // every submitted launch finished, managed memory read back: 0, or 1
    // with the first failed launch in lastError
    sync: async () => {
      const failed = await gpu.drain();
      await gpu.syncHostVisible();
      if (!failed) return 0;
      if (failed.asserts) for (const a of failed.asserts) printErr(a);
      dev.lastError = cudaFailure(failed);
      return 1;
    },
  });
  // the launch's failure e: its asserts printed, lastError set; 1
  const failed = (e) => {
    if (e.asserts) for (const a of e.asserts) printErr(a);
    dev.lastError = cudaFailure(e);
    return 1;
  };
  // a launch on the WebAssembly device, its blocks one after another on
  // this thread
  const runHere = (m, k, args, grid, block, shared) => {
    const mod = modules[m], kk = mod.meta.kernels[k];
    if (gpu) gpu.stats.wasm++;
    else dev.stats.here++;
    const bytes = mod.scratchBytes(kk, block, shared);
    const raw = core._malloc(bytes + 64);
    if (!raw) { dev.lastError = 'out of memory (cudaErrorMemoryAllocation) for a block\'s scratch memory'; return 1; }
    try {
      if (kk.grid_sync && dev.cooperative) // cudaLaunchCooperativeKernel: every block resident
        mod.runCooperative(kk, args, shared, grid, block, (n) => core._malloc(n), (p) => core._free(p));
      else
        mod.runBlocks(kk, args, (raw + 63) & ~63, shared, grid, block, { alloc: (n) => core._malloc(n), free: (p) => core._free(p) });
      return 0;
    } catch (e) {
      return failed(e);
    } finally {
      core._free(raw);
    }
  };
  // a kernel WGSL cannot express, on the WebAssembly device (the heap
  // current already), after which the GPU's copies are stale
  const wasmInstead = (m, k, args, grid, block, shared) => {
    const name = modules[m].meta.kernels[k].name;
    if (gpu.verbose && !said.has(`${name}: ${gpu.why}`)) { // once per kernel and reason
      said.add(`${name}: ${gpu.why}`);
      printErr(`cuwasm: kernel '${name}' runs on the WebAssembly device: ${gpu.why}`);
    }
    const st = runHere(m, k, args, grid, block, shared);
    gpu.wasmRan();
    return st;
  };
}

// The threads the WebAssembly device runs a launch's blocks on:
// CUWASM_THREADS (Node's environment, a page's ?threads=), else the
// hardware threads.  They are Web Workers sharing the program's memory,
// which needs a program built with threads (cuwasm cc --target web) and,
// in a page, cross-origin isolation; otherwise one.
// Undefined for the default, NaN for a value that is not a count.
function threadsWanted(env) {
  if (!env.CUWASM_THREADS) return undefined;
  const n = Number(env.CUWASM_THREADS);
  return Number.isInteger(n) && n >= 1 && n <= 1024 ? n : NaN;
}

// The device CUWASM_BACKEND asks for: a GpuMemory's GPU for 'webgpu', and
// for 'auto' when there is an adapter; dev.selectError for a backend that
// cannot be had (the first CUDA call fails with it).
async function chooseDevice(dev, env, importWebGPU) {
  const want = env.CUWASM_BACKEND || 'auto';
  if (want !== 'auto' && want !== 'webgpu' && want !== 'wasm') {
    dev.selectError = `backend '${want}': a program built for the web runs its kernels on WebGPU or the WebAssembly device (CUWASM_BACKEND=webgpu, wasm or auto)`;
    return null;
  }
  if (want === 'wasm') return null;
  try {
    const gpu = await getDevice(importWebGPU);
    const info = gpu.adapter.info ?? {};
    dev.name = `WebGPU (${[info.vendor, info.architecture, info.description].filter((x) => x).join(' ') || 'adapter'})`;
    return gpu;
  } catch (e) {
    if (want === 'webgpu') dev.selectError = `backend 'webgpu': ${e.message}`;
    return null;
  }
}

// factory: emscripten's MODULARIZE function; wasmjs: web/src/wasm.js's
// exports; kernels: base64 of each TU's module; shaders: each TU's WGSL
// JSON; importWebGPU: how Node imports npm's webgpu; env: the CUWASM_*
// variables (CUWASM_BACKEND, CUWASM_VERBOSE, CUWASM_THREADS); workerUrl:
// the WebAssembly device's worker script (wasm.js); print/printErr: where
// stdout and stderr lines go.  Resolves with the exit status.
export async function runProgram({ factory, wasmjs, kernels, shaders = [], importWebGPU = null, env = {},
  args = [], print, printErr, workerUrl = null }) {
  let status = 0;
  const threads = threadsWanted(env);
  if (Number.isNaN(threads)) { // before anything starts: the program does not run
    (printErr ?? console.error)(`cuwasm: CUWASM_THREADS must be a number of threads from 1 to 1024, not '${env.CUWASM_THREADS}'`);
    return 1;
  }
  const device = { ready: false };
  const gpuDevice = await chooseDevice(device, env, importWebGPU);
  const modules = [];
  const core = await factory({
    noInitialRun: true,
    print, printErr,
    cuwasmDevice: device,
    onExit: (code) => { status = code; device.exited = true; },
    quit: (code, e) => { status = code; throw e; },
  });
  const memory = core.asm?.memory ?? core.wasmMemory;
  for (const b64 of kernels) {
    modules.push(await wasmjs.WasmModule.fromBinary(base64Bytes(b64), {
      memory, malloc: (n) => core._malloc(n), free: (p) => core._free(p),
      print: (text) => device.held(text), workerUrl, workers: threads,
    }));
  }
  const err = printErr ?? ((t) => console.error(t));
  const gpu = gpuDevice ? new GpuMemory(gpuDevice, core, modules, shaders, (t) => device.held(t)) : null;
  if (gpu) gpu.verbose = !!env.CUWASM_VERBOSE;
  makeDevice(device, core, modules, err, gpu);
  if (!gpu) for (const m of modules) m.startWorkers();
  device.ready = true;
  // argv in the heap; main through ccall's async mode, which resolves when
  // main returns after its last suspension, then exit() with its value
  const argv = ['program', ...args];
  const enc = new TextEncoder();
  const argvPtr = core._malloc(4 * (argv.length + 1));
  argv.forEach((a, i) => {
    const b = enc.encode(a + '\0'), p = core._malloc(b.length);
    core.HEAPU8.set(b, p);
    core.HEAPU32[(argvPtr >> 2) + i] = p;
  });
  core.HEAPU32[(argvPtr >> 2) + argv.length] = 0;
  try {
    const r = await core.ccall('main', 'number', ['number', 'number'], [argv.length, argvPtr], { async: true });
    if (gpu) await gpu.drain(); // launches main never waited for
    status = r;
    core._exit(r); // atexit handlers, stdio flushed; quit throws ExitStatus
  } catch (e) {
    if (!(e && e.name === 'ExitStatus')) throw e;
    status = e.status;
    if (!device.exited) core._fflush(0); // exit() after a suspension leaves stdio to us
  }
  if (!gpu && env.CUWASM_VERBOSE)
    err(`cuwasm: ${device.stats.here + device.stats.threaded} launches on the WebAssembly device, ` +
        `${device.stats.threaded} of them on ${device.threads} threads`);
  if (gpu && env.CUWASM_VERBOSE)
    err(`cuwasm: ${gpu.stats.gpu} launches on WebGPU, ${gpu.stats.wasm} on the WebAssembly device; ` +
        `${gpu.stats.uploaded} bytes uploaded, ${gpu.stats.readBack} read back`);
  return status;
}
