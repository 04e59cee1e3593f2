// wasm_pool.js — the Web Workers (Node: worker_threads) that run a
// WebAssembly CPU device module's blocks in parallel over one shared
// WebAssembly.Memory (wasm.js decides when: SharedArrayBuffer available,
// i.e. Node or a cross-origin isolated page, more than one worker wanted,
// no device malloc).  Each worker (wasm_worker.js) instantiates the module
// once; a launch gives every worker its own scratch region and one block
// counter in the shared memory, from which they take blocks until the grid
// is done.  run() resolves when all of them reported back, with printf
// output passed on as it arrives, and rejects with the first failure.

// Whether a WebAssembly.Memory can be shared with workers here.
export function sharedMemoryAvailable() {
  return typeof SharedArrayBuffer !== 'undefined' && globalThis.crossOriginIsolated !== false &&
    typeof Atomics !== 'undefined';
}

// The default number of workers: the machine's hardware threads.
export async function defaultWorkerCount() {
  if (globalThis.navigator?.hardwareConcurrency) return globalThis.navigator.hardwareConcurrency;
  if (globalThis.process?.versions?.node) {
    const os = await import('node:os');
    return os.availableParallelism?.() ?? os.cpus().length;
  }
  return 1;
}

// made when a worker starts: a bundle that loads this module from a data:
// URL (whole programs, cc_web_output.c) runs on one thread and never asks
const workerUrl = () => new URL('./wasm_worker.js', import.meta.url);

// One worker behind a common interface: post(msg), onMessage(f),
// onFailure(f), hold(busy) (Node: whether it keeps the process alive),
// terminate().
async function spawn() {
  if (typeof Worker !== 'undefined' && !globalThis.process?.versions?.node) {
    const w = new Worker(workerUrl(), { type: 'module' });
    return {
      post: (m) => w.postMessage(m),
      onMessage: (f) => { w.onmessage = (e) => f(e.data); },
      onFailure: (f) => { w.onerror = (e) => f(new Error(`cuwasm: worker failed: ${e.message}`)); },
      hold: () => {},
      terminate: () => w.terminate(),
    };
  }
  const { Worker: NodeWorker } = await import('node:worker_threads');
  const w = new NodeWorker(workerUrl());
  w.unref();
  return {
    post: (m) => w.postMessage(m),
    onMessage: (f) => w.on('message', f),
    onFailure: (f) => w.on('error', f),
    hold: (busy) => (busy ? w.ref() : w.unref()),
    terminate: () => w.terminate(),
  };
}

export class WorkerPool {
  // count workers, each instantiating module over memory; print(text)
  // receives device printf output
  static async start(count, module, memory, print) {
    const pool = new WorkerPool();
    pool.print = print;
    pool.workers = await Promise.all(Array.from({ length: count }, spawn));
    pool.pending = new Map();
    pool.workers.forEach((w, i) => {
      w.onMessage((m) => pool._message(i, m));
      w.onFailure((e) => pool._settle(i, { type: 'error', message: e.message }));
    });
    const answers = await Promise.all(pool.workers.map((w, i) => pool._await(i, () => w.post({ type: 'init', module, memory }))));
    const failed = answers.find((a) => a.type === 'error');
    if (failed) {
      pool.terminate();
      throw new Error(failed.message);
    }
    return pool;
  }

  get size() { return this.workers.length; }

  _await(i, send) {
    return new Promise((resolve) => {
      this.pending.set(i, resolve);
      this.workers[i].hold(true);
      send();
    });
  }

  _settle(i, m) {
    const resolve = this.pending.get(i);
    if (!resolve) return;
    this.pending.delete(i);
    this.workers[i].hold(false);
    resolve(m);
  }

  _message(i, m) {
    if (m.type === 'print') this.print(m.text);
    else this._settle(i, m);
  }

  // job: { exportName, argAddr, sharedBytes, grid, block, counter } and
  // scratch, one address per worker used (scratch.length <= size).
  // Resolves with null, or the first worker's error message object.
  // lastRun keeps when the launch was posted and settled and the workers'
  // answers (their start, end and block count: wasm_launch_profile.mjs).
  async run(job, scratch) {
    const posted = performance.timeOrigin + performance.now();
    const answers = await Promise.all(scratch.map((s, i) =>
      this._await(i, () => this.workers[i].post({ type: 'run', ...job, scratch: s }))));
    this.lastRun = { posted, settled: performance.timeOrigin + performance.now(), answers };
    return answers.find((a) => a.type === 'error') ?? null;
  }

  terminate() {
    for (const w of this.workers) w.terminate();
    this.workers = [];
  }
}
