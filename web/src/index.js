// index.js — the cuwasm package: CUDA kernels compiled in WebAssembly by
// cuwasm's own compiler and run on WebGPU, or on the CPU as WebAssembly
// (device 'wasm', see wasm.js), in browsers and in Node.  `mod.kind`
// says which ('webgpu' or 'wasm'; `mod.device` stays the GPUDevice of a
// WebGPU module): 'auto' takes WebGPU when there is an adapter, else 'wasm'.
//
//   const mod = await compile(source, { defines, headers, device: 'auto' });
//   await mod.launch('vecAdd', { grid: [4], block: [256], args: [a, b, c, n] });
//   mod.destroy();
//
// Compile errors reject with an Error whose `diagnostics` list
// {file, line, col, message}.  A kernel the WGSL target cannot express is
// listed in mod.kernels with its `error`, and launching it rejects with
// that diagnostic.  Template kernels are named as in C++ ('reduce<float,256>')
// and instantiated on first use.
import { compileToWasmModule, compileToWgsl, formatDiagnostic } from './compiler.js';
import { getDevice, hasWarpSubgroups } from './gpu.js';
import { DeviceBuffer, Kernel, launchKernel, sameName } from './runtime.js';
import { WasmBuffer, WasmModule } from './wasm.js';

export { DeviceBuffer, WasmBuffer, WasmModule, formatDiagnostic };

function compileError(diags) {
  const errs = diags.filter((d) => d.severity === 'error');
  const e = new Error(errs.length ? errs.map(formatDiagnostic).join('\n') : 'cuwasm: compilation failed');
  e.diagnostics = errs.map(({ file, line, col, message }) => ({ file, line, col, message }));
  return e;
}

function kernelError(meta) {
  const d = meta.error;
  const e = new Error(`${d.file}:${d.line}:${d.col}: error: ${d.message}`);
  e.diagnostics = [{ file: d.file, line: d.line, col: d.col, message: d.message }];
  return e;
}

export class CuwasmModule {
  constructor(source, options, answer, gpu) {
    this.source = source;
    this.options = options;
    this.gpu = gpu;
    this.device = gpu.device;
    this.instances = [...(options.instances ?? [])];
    this.globals = new Map();
    this.diagnostics = answer.diagnostics;
    this.print = options.print; // device printf output (default: stdout / console.log)
    this._load(answer.module);
  }

  _load(module) {
    this._kernels = module.kernels.map((m) => new Kernel(this, m));
  }

  // nothing to start on WebGPU (the wasm device's waits for its workers)
  async ready() {}

  get kernels() {
    return this._kernels.map((k) => ({
      name: k.meta.name,
      params: k.meta.params.map((p) => ({ name: p.name, type: p.type })),
      supported: !k.meta.error,
      ...(k.meta.error ? { error: k.meta.error } : {}),
      wgsl: k.meta.wgsl,
    }));
  }

  async _kernel(name) {
    let k = this._kernels.find((x) => sameName(x.meta.name, name));
    if (!k && name.includes('<')) {
      this.instances.push(name);
      const answer = await compileToWgsl(this.source, { ...this.options, instances: this.instances });
      if (!answer.module) throw compileError(answer.diagnostics);
      this._load(answer.module);
      k = this._kernels.find((x) => sameName(x.meta.name, name));
      if (!k) throw compileError(answer.diagnostics.length ? answer.diagnostics
        : [{ file: '', line: 0, col: 0, severity: 'error', message: `no kernel '${name}'` }]);
    }
    if (!k) throw new Error(`cuwasm: no kernel '${name}' (kernels: ${this._kernels.map((x) => x.meta.name).join(', ')})`);
    if (k.meta.error) throw kernelError(k.meta);
    return k;
  }

  globalBuffer(g) {
    let b = this.globals.get(g.name);
    if (!b) {
      const words = new Uint32Array(Math.ceil(g.bytes / 4)); // zeros, or the initialiser's words
      if (g.init) words.set(g.init.slice(0, words.length));
      b = new DeviceBuffer(this.device, g.bytes).write(words);
      this.globals.set(g.name, b);
    }
    return b;
  }

  async launch(name, opts) {
    if (this.destroyed) throw new Error('cuwasm: module destroyed');
    return launchKernel(this, await this._kernel(name), opts);
  }

  // A buffer that stays on the GPU across launches: from a typed array
  // (copied in) or a byte length (zeroed).
  buffer(init) {
    if (typeof init === 'number') return new DeviceBuffer(this.device, init).write(new Uint8Array(Math.ceil(init / 4) * 4));
    return new DeviceBuffer(this.device, init.byteLength).write(init);
  }

  destroy() {
    for (const b of this.globals.values()) b.destroy();
    this.globals.clear();
    this.destroyed = true;
  }
}

// The emitter's options (src/emit/emit.h) for what the user asked and
// what the device offers: kernels needing more storage buffers than
// `maxStorageBuffers` get theirs packed.
function wgslOptions(options, gpu) {
  const o = [];
  if (options.f64AsF32) o.push('f64-as-f32');
  // warp functions: subgroups when 32 wide ('auto'), else emulated
  const sg = options.subgroups ?? 'auto';
  if (sg === true && gpu && !gpu.device.features.has('subgroups'))
    throw new Error("cuwasm: subgroups: true needs a WebGPU device with the 'subgroups' feature; this one has none");
  if (sg === true || (sg === 'auto' && gpu && hasWarpSubgroups(gpu))) o.push('subgroups');
  let max = options.maxStorageBuffers ?? Infinity;
  if (gpu) max = Math.min(max, gpu.device.limits.maxStorageBuffersPerShaderStage);
  if (Number.isFinite(max)) o.push(`max-storage=${Math.max(1, Math.floor(max))}`);
  return o.join(',');
}

// The WebAssembly CPU device; template kernels named at launch are
// instantiated by compiling again (buffers of the old module are dropped).
class CompiledWasmModule extends WasmModule {
  constructor(source, opts, answer) {
    super({ print: opts.print, prefix: answer.prefix, workers: opts.workers, serialBelowMs: opts.serialBelowMs });
    this.source = source;
    this.options = opts;
    this.instances = [...opts.instances];
    this.diagnostics = answer.diagnostics;
  }

  async launch(name, opts) {
    if (name.includes('<') && !this.meta.kernels.some((k) => sameName(k.name, name))) {
      this.instances.push(name);
      const answer = await compileToWasmModule(this.source, { ...this.options, instances: this.instances });
      if (!answer.binary) throw compileError(answer.diagnostics);
      this.prefix = answer.prefix;
      await this._load(answer.binary);
    }
    return super.launch(name, opts);
  }
}

async function compileWasm(source, opts) {
  const answer = await compileToWasmModule(source, opts);
  if (!answer.binary) throw compileError(answer.diagnostics);
  const mod = new CompiledWasmModule(source, opts, answer);
  await mod._load(answer.binary);
  return mod;
}

// options: device ('auto' | 'webgpu' | 'wasm': the WebAssembly CPU device,
// which 'auto' takes when there is no WebGPU adapter), name, defines,
// headers, instances, print (device printf), workers (the 'wasm' device:
// how many threads run blocks in parallel, in Node this one and N - 1 Web
// Workers, in a page N workers; default the hardware threads, 1 for this
// thread only; more than one needs SharedArrayBuffer, i.e. Node or a
// cross-origin isolated page), serialBelowMs (the 'wasm' device: a launch
// whose blocks took less than this one after another, by the kernel's last
// launch, runs on the calling thread; default 0.1), f64AsF32 (double computed as
// float, with a warning in mod.diagnostics), maxStorageBuffers (pack
// buffers beyond it even when the device allows more), subgroups ('auto':
// warp functions as WGSL subgroup operations when the adapter's subgroups
// are 32 wide, else emulated through workgroup memory; true / false force
// either).
export async function compile(source, options = {}) {
  const { device = 'auto', name = 'kernel.cu', defines = {}, headers = {}, instances = [], print, workers, serialBelowMs } = options;
  if (device !== 'auto' && device !== 'webgpu' && device !== 'wasm')
    throw new Error(`cuwasm: unknown device '${device}' (auto, webgpu or wasm)`);
  const base = { name, defines, headers, instances, print, workers, serialBelowMs };
  if (device === 'wasm') return compileWasm(source, base);
  let gpu = null, noGpu = null;
  try { gpu = await getDevice(); } catch (e) { noGpu = e; }
  const opts = { ...base, wgslOptions: wgslOptions(options, gpu) };
  const answer = await compileToWgsl(source, opts);
  if (!answer.module) throw compileError(answer.diagnostics); // compile errors first, GPU or not
  if (noGpu) {
    if (device === 'auto') return compileWasm(source, base); // no WebGPU adapter: the CPU
    throw noGpu;
  }
  const mod = new CuwasmModule(source, opts, answer, gpu);
  mod.kind = 'webgpu';
  return mod;
}

// Compiles without a GPU: diagnostics and each kernel's WGSL (options as
// for compile(), maxStorageBuffers taken as the device's limit).
export async function transpile(source, options = {}) {
  const answer = await compileToWgsl(source, { ...options, wgslOptions: wgslOptions(options, null) });
  if (!answer.module) throw compileError(answer.diagnostics);
  return answer;
}
