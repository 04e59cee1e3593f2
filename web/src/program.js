// program.js — runs a whole CUDA program built with `cuwasm cc --target
// web`: its host code (emscripten's module, with the CUDA runtime API of
// src/compat/ and the glue of src/compat/web/) and its kernels, one
// WebAssembly module per translation unit compiled at build time.
//
// The kernel modules import the program's own memory (wasm.js's
// WasmModule with an external memory), so a device pointer is a heap
// address of the program and a launch is a synchronous call from the
// host code into a kernel module: the host's blocking CUDA calls keep
// their meaning with no Asyncify and no worker (src/compat/web/
// web_runtime.c says why that suffices).  Every module is compiled and
// instantiated asynchronously before main runs, as browsers require of
// large modules on the main thread.
//
// The C side reaches this file through Module.cuwasmDevice (the object
// makeDevice fills); wasm.js is handed in rather than imported, so that a
// built program can carry both files inside itself.
//
//   const status = await runProgram({ factory, wasmjs, kernels, args, print, printErr });

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

// Makes dev the device object the C glue calls; modules: WasmModule per TU.
function makeDevice(dev, core, modules, printErr) {
  const out = [];
  let outBytes = 0;
  const enc = new TextEncoder();
  Object.assign(dev, {
    name: 'WebAssembly (CPU, this thread)',
    kind: 'wasm',
    lastError: '',
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
      const i = ks.findIndex((k) => k.cname === name || k.name.replace(/\s+/g, '') === name.replace(/\s+/g, ''));
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
    launch: (m, k, args, grid, block, shared) => {
      const mod = modules[m], kk = mod.meta.kernels[k];
      const bytes = mod.scratchBytes(kk, block, shared);
      const raw = core._malloc(bytes + 64);
      if (!raw) { dev.lastError = 'out of memory (cudaErrorMemoryAllocation) for a block\'s scratch memory'; return 1; }
      try {
        mod.runBlocks(kk, args, (raw + 63) & ~63, shared, grid, block);
        return 0;
      } catch (e) {
        if (e.asserts) for (const a of e.asserts) printErr(a);
        dev.lastError = cudaFailure(e);
        return 1;
      } finally {
        core._free(raw);
      }
    },
  });
}

// factory: emscripten's MODULARIZE function; wasmjs: web/src/wasm.js's
// exports; kernels: base64 of each TU's module; print/printErr: where
// stdout and stderr lines go.  Resolves with the exit status.
export async function runProgram({ factory, wasmjs, kernels, args = [], print, printErr }) {
  let status = 0;
  const device = { ready: false };
  const modules = [];
  const core = await factory({
    noInitialRun: true,
    print, printErr,
    cuwasmDevice: device,
    onExit: (code) => { status = code; },
    quit: (code, e) => { status = code; throw e; },
  });
  const memory = core.asm?.memory ?? core.wasmMemory;
  for (const b64 of kernels) {
    modules.push(await wasmjs.WasmModule.fromBinary(base64Bytes(b64), {
      memory, malloc: (n) => core._malloc(n), free: (p) => core._free(p),
      print: (text) => device.held(text),
    }));
  }
  makeDevice(device, core, modules, printErr ?? ((t) => console.error(t)));
  device.ready = true;
  try {
    const r = core.callMain(args);
    if (typeof r === 'number') status = r;
  } catch (e) {
    if (!(e && e.name === 'ExitStatus')) throw e;
    status = e.status;
  }
  return status;
}
