// wasm_pool.js — the Web Workers (Node: worker_threads) that run a
// WebAssembly CPU device module's blocks in parallel over one shared
// WebAssembly.Memory (wasm.js decides when: SharedArrayBuffer available,
// i.e. Node or a cross-origin isolated page, more than one thread wanted,
// no device malloc).  Each worker (wasm_worker.js) instantiates the module
// once, then waits on a control block (wasm_pool_shared.js) for launches:
// run() writes a launch there and wakes the workers, which take blocks
// from one counter in the shared memory, each with its own scratch region,
// until the grid is done.  In Node the thread that posts the launch takes
// blocks too (as a native pool's caller does), so a pool for N threads
// has N - 1 workers; a page's main thread only posts and waits (blocks on
// it would stall the page).  run() resolves when every worker taking part
// has counted itself out and its printf output and errors (messages) have
// arrived, with the first failure; invitations that no worker took up by
// the time every block was taken are withdrawn (wasm_pool_shared.js).

import { CTL, clock, controlBytes, nextGeneration, slotOf, withdrawLate, writeJob } from './wasm_pool_shared.js';

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

// The worker script: wasm_worker.js next to this file, or the URL a caller
// passes (a whole program's bundle, cc_web_output.c, carries the script as
// a data: URL module, which Node's worker_threads take as is and a page
// turns into a same-origin Blob URL, as workers sharing memory must be)
const workerUrl = (url) => url ?? new URL('./wasm_worker.js', import.meta.url);

function browserWorkerUrl(url) {
  const s = String(url), m = /^data:text\/javascript;base64,(.*)$/.exec(s);
  if (!m) return url;
  const bytes = Uint8Array.from(atob(m[1]), (ch) => ch.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], { type: 'text/javascript' }));
}

// Node's worker_threads, loaded with this module, so that spawning a
// worker needs no turn of the event loop (a whole program's host code
// runs main without one until its first suspension).
const nodeThreads = globalThis.process?.versions?.node ? await import('node:worker_threads') : null;
// A Node worker's first code (CommonJS): the worker script serves the
// port it is handed, so that it needs no top-level await (wasm_worker.js)
const NODE_WORKER_START = "const { parentPort, workerData } = require('node:worker_threads');\n" +
  "import(workerData.url).then((m) => m.serve({ post: (x) => parentPort.postMessage(x), on: (f) => parentPort.on('message', f) }));\n";

// One worker behind a common interface: post(msg), onMessage(f),
// onFailure(f), hold(busy) (Node: it keeps the process alive from a
// hold(true) to its hold(false), counted: a launch may begin while the
// worker is still starting), terminate().
function spawn(url) {
  if (typeof Worker !== 'undefined' && !globalThis.process?.versions?.node) {
    const w = new Worker(browserWorkerUrl(workerUrl(url)), { type: 'module' });
    return {
      post: (m) => w.postMessage(m),
      onMessage: (f) => { w.onmessage = (e) => f(e.data); },
      onFailure: (f) => { w.onerror = (e) => f(new Error(`cuwasm: worker failed: ${e.message}`)); },
      hold: () => {},
      terminate: () => w.terminate(),
    };
  }
  const w = new nodeThreads.Worker(NODE_WORKER_START, { eval: true, workerData: { url: String(workerUrl(url)) } });
  w.unref();
  let holds = 0; // its start-up and the launches it is in, which may overlap
  return {
    post: (m) => w.postMessage(m),
    onMessage: (f) => w.on('message', f),
    onFailure: (f) => w.on('error', f),
    hold: (busy) => ((holds += busy ? 1 : -1) > 0 ? w.ref() : w.unref()),
    terminate: () => w.terminate(),
  };
}

// Whether the thread that posts a launch takes blocks too: in Node, not in
// a browser (see the file's head).
export const posterTakesBlocks = !!globalThis.process?.versions?.node;

// How long the posting thread, having run its own share, looks for the
// workers' end before it waits asynchronously: they are finishing their
// last chunk.
const SETTLE_SPIN_MS = 1;

// Workers each poster and woken worker wakes (CTL.FANOUT): 0, all at once
const FANOUT = Number(globalThis.process?.env?.CUWASM_WASM_FANOUT ?? 0) || 0;
// Microseconds a worker done with a launch watches for the next before
// it sleeps (CTL.SPIN; CUWASM_WASM_SPIN_US in Node, to compare)
const SPIN_US = Number(globalThis.process?.env?.CUWASM_WASM_SPIN_US ?? 50);

export class WorkerPool {
  // count workers, each instantiating module over memory; print(text)
  // receives device printf output; url: the worker script (workerUrl).
  // Resolves once every worker is ready.
  static async start(count, module, memory, print, url = null) {
    const pool = WorkerPool.create(count, module, memory, print, url);
    await pool.ready;
    return pool;
  }

  // The same without waiting: the workers start on their own threads and
  // take part in launches from the first posted after they are ready, or
  // the one in progress then (wasm_worker.js); run() may be called at
  // once.  pool.ready resolves when all are ready; a worker that could
  // not instantiate the module breaks the pool (run() then fails with
  // its message) and rejects it.
  static create(count, module, memory, print, url = null) {
    const pool = new WorkerPool();
    pool.print = print;
    pool.control = new SharedArrayBuffer(controlBytes(count));
    pool.ctl = new Int32Array(pool.control);
    pool.times = new Float64Array(pool.control);
    pool.exportNames = WebAssembly.Module.exports(module).map((e) => e.name);
    pool.workers = Array.from({ length: count }, () => spawn(url));
    pool.pending = new Map();
    pool.printed = new Array(count).fill(0); // print messages received, per worker
    pool.errors = new Array(count).fill(null); // this launch's error message, per worker
    pool.waiters = []; // called whenever a message arrives
    pool.broken = null;
    // without Atomics.waitAsync (Firefox before 145) the workers also post
    // a message when they count themselves out, to wake this thread
    pool.outByMessage = typeof Atomics.waitAsync !== 'function';
    pool.workers.forEach((w, i) => {
      w.onMessage((m) => pool._message(i, m));
      w.onFailure((e) => pool._fail(i, e.message));
    });
    pool.started = 0; // workers whose module is instantiated ('ready' answered)
    pool.ready = Promise.all(pool.workers.map((w, i) => pool._await(i, () =>
      w.post({ type: 'init', module, memory, control: pool.control, index: i, outByMessage: pool.outByMessage }))
      .then((answer) => { if (answer.type === 'ready') pool.started++; return answer; })))
      .then((answers) => {
        pool.workers.forEach((w) => w.hold(false));
        const failed = answers.find((a) => a.type === 'error');
        if (failed) {
          pool.broken ??= failed.message;
          pool.terminate();
          throw new Error(failed.message);
        }
        return pool;
      });
    pool.ready.catch(() => {}); // a run() reports it
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

  _message(i, m) {
    if (m.type === 'print') {
      this.print(m.text);
      this.printed[i]++;
    } else if (this.pending.has(i)) { // init's answer
      const resolve = this.pending.get(i);
      this.pending.delete(i);
      resolve(m);
    } else if (m.type === 'error') {
      this.errors[i] = m;
    }
    this._wake();
  }

  _wake() {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  // a worker died (not a trap: those are messages): fail the launch
  // running now and every later one
  _fail(i, message) {
    this.broken ??= `cuwasm: worker failed: ${message}`;
    if (this.pending.has(i)) this._message(i, { type: 'error', message: this.broken });
    Atomics.store(this.ctl, CTL.RUNNING, 0);
    Atomics.notify(this.ctl, CTL.RUNNING);
    this._wake();
  }

  _nextMessage() { return new Promise((resolve) => this.waiters.push(resolve)); }

  // Until no worker is left in the launch (or one died).
  async _settle(spinMs) {
    const c = this.ctl;
    for (const until = performance.now() + spinMs; Atomics.load(c, CTL.RUNNING) > 0 && performance.now() < until;);
    for (let left; (left = Atomics.load(c, CTL.RUNNING)) > 0 && !this.broken;) {
      if (this.outByMessage) {
        await this._nextMessage(); // the workers post 'out' after counting themselves out
      } else {
        const w = Atomics.waitAsync(c, CTL.RUNNING, left);
        if (w.async) await w.value;
      }
    }
  }

  // job: { exportName, argAddr, sharedBytes, grid, block, counter, chunk };
  // scratch: one address per worker taking part (scratch.length <= size);
  // here: when posterTakesBlocks, runs this thread's blocks (takeBlocks
  // over this thread's instance) and returns how many ran.  Resolves with
  // null or the first worker's error message object; a throw from here()
  // is thrown again once the workers are out of the launch.  lastRun keeps
  // when the launch was posted and settled and each thread's start, end
  // and block count (bench/web/wasm_launch_profile.mjs).
  async run(job, scratch, here = null) {
    if (this.broken) return { type: 'error', message: this.broken };
    const c = this.ctl, n = scratch.length;
    writeJob(c, job, this.exportNames.indexOf(job.exportName), n);
    const generation = nextGeneration(c);
    this.errors.fill(null); // a failed launch's errors stay until now, also of workers not in this one
    for (let i = 0; i < n; i++) {
      c[slotOf(i) + CTL.SCRATCH] = scratch[i];
      c[slotOf(i) + CTL.FAILED] = 0;
      Atomics.store(c, slotOf(i) + CTL.LAUNCH, generation);
    }
    Atomics.store(c, CTL.RUNNING, n);
    const posted = clock();
    c[CTL.FANOUT] = FANOUT;
    c[CTL.SPIN] = SPIN_US;
    Atomics.store(c, CTL.GENERATION, generation);
    Atomics.notify(c, CTL.GENERATION, FANOUT || Infinity);
    for (let i = 0; i < n; i++) this.workers[i].hold(true);
    const answers = [];
    let thrown = null;
    try {
      if (here) {
        const start = clock();
        let blocks = 0;
        try { blocks = here(); } catch (e) { thrown = e; }
        answers.push({ start, end: clock(), blocks });
        withdrawLate(c, generation, n); // every block is taken
      }
      await this._settle(here ? SETTLE_SPIN_MS : 0);
      if (this.broken) return { type: 'error', message: this.broken };
      // the messages a worker posted before it counted itself out
      for (let i = 0; i < n; i++) {
        const slot = slotOf(i);
        while (this.printed[i] < Atomics.load(c, slot + CTL.PRINTS) ||
               (Atomics.load(c, slot + CTL.FAILED) && !this.errors[i])) {
          await this._nextMessage();
          if (this.broken) return { type: 'error', message: this.broken };
        }
        if (c[slot + CTL.LAUNCH] === CTL.WITHDRAWN) answers.push({ withdrawn: true, blocks: 0 });
        else answers.push({ start: this.times[(slot + CTL.START) / 2], end: this.times[(slot + CTL.END) / 2], blocks: c[slot + CTL.BLOCKS] });
      }
    } finally {
      for (let i = 0; i < n; i++) this.workers[i].hold(false);
    }
    this.lastRun = { posted, settled: clock(), answers };
    if (thrown) throw thrown;
    return this.errors.find((e) => e) ?? null;
  }

  terminate() {
    if (this.ctl) { // wake the workers out of their wait first
      Atomics.store(this.ctl, CTL.STOP, 1);
      Atomics.store(this.ctl, CTL.GENERATION, nextGeneration(this.ctl));
      Atomics.notify(this.ctl, CTL.GENERATION);
    }
    for (const w of this.workers) w.terminate();
    this.workers = [];
  }
}
