// wasm_worker.js — one worker of the WebAssembly CPU device (started by
// wasm_pool.js, in a browser as a module Worker, in Node as a
// worker_threads Worker).  It instantiates the kernel module over the
// shared memory, answers 'ready', joins the launch in progress if that
// one invited it (launches may start before the workers are up), and from
// then on waits on the pool's control block (wasm_pool_shared.js) instead
// of on messages: a launch is a new generation number there, and the
// worker, after watching for it a little while (CTL.SPIN), sleeps in
// Atomics.wait until notified of it.  For
// each launch it takes part in, it takes blocks from the launch's counter
// in the module's memory until none is left (takeBlocks), running them
// with its own scratch region (shared memory, thread frames, stack: one
// block at a time), records its start, end and block count, and counts
// itself out.  printf output, failed asserts and traps still go to the
// posting thread as messages, posted (and counted in the control block)
// before the worker counts itself out, so the launch ends after they
// arrive.
//
// In a browser the module starts serving its worker's messages when it
// is evaluated.  In Node, wasm_pool.js starts the worker with a CommonJS
// line that takes worker_threads' parentPort, imports this module and
// calls serve(port): the module then has no top-level await, whose
// evaluation Node 20 aborts the whole process on when the worker is
// terminated meanwhile ("Check failed: (location_) != nullptr" in
// SourceTextModule::ExecuteAsyncModule, nodejs/node#43182, #53238: a
// module destroyed right after its first launch, in CI).
import { hostImports } from './wasm_host.js';
import { CTL, clock, readJob, slotOf, takeBlocks, trapFunction, withdrawLate } from './wasm_pool_shared.js';

const inBrowser = typeof self !== 'undefined' && typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope;
if (inBrowser) serve({ post: (m) => self.postMessage(m), on: (f) => { self.onmessage = (e) => f(e.data); } });

// port: { post(message), on(handler) }, the worker's side of its channel
export function serve(port) {
  port.on(async (msg) => {
    if (msg.type !== 'init') return;
    const { memory, index } = msg;
    const ctl = new Int32Array(msg.control), times = new Float64Array(msg.control);
    const slot = slotOf(index);
    let asserts = [];
    const imports = hostImports({
      memory,
      printf: (text) => {
        port.post({ type: 'print', text });
        Atomics.add(ctl, slot + CTL.PRINTS, 1);
      },
      // modules that allocate in kernels run on the posting thread (wasm.js)
      malloc: () => { throw new Error('cuwasm: device malloc in a worker'); },
      free: () => {},
      assert: (message) => asserts.push(message),
    });
    let instance;
    try {
      instance = await WebAssembly.instantiate(msg.module, imports);
    } catch (e) {
      port.post({ type: 'error', message: `cuwasm: a worker could not instantiate the module: ${e.message}` });
      return;
    }
    const kernels = WebAssembly.Module.exports(msg.module).map((e) => instance.exports[e.name]);
    // read before 'ready': the first launch, which may follow at once, changes it
    let generation = Atomics.load(ctl, CTL.GENERATION);
    port.post({ type: 'ready' });
    // a launch posted while this worker was starting (wasm_pool.js's
    // create) and still inviting it: join that one first
    let posted = generation !== 0 && Atomics.load(ctl, slot + CTL.LAUNCH) === generation;
    for (;;) {
      if (!posted) {
        for (const until = clock() + ctl[CTL.SPIN] / 1000; Atomics.load(ctl, CTL.GENERATION) === generation && clock() < until;);
        Atomics.wait(ctl, CTL.GENERATION, generation);
        generation = Atomics.load(ctl, CTL.GENERATION);
      }
      posted = false;
      if (Atomics.load(ctl, CTL.STOP)) return;
      if (ctl[CTL.FANOUT]) Atomics.notify(ctl, CTL.GENERATION, ctl[CTL.FANOUT]); // wake the next ones
      // join, unless not invited or the invitation was withdrawn
      if (Atomics.compareExchange(ctl, slot + CTL.LAUNCH, generation, CTL.JOINED) !== generation) continue;
      const start = clock();
      let blocks = 0;
      const job = readJob(ctl);
      try {
        // the poster's share, when it takes blocks, is the first
        blocks = takeBlocks(kernels[job.exportIndex], memory, job, ctl[slot + CTL.SCRATCH], msg.index + job.shares - job.invited);
      } catch (e) {
        port.post({ type: 'error', message: e.message, trap: e instanceof WebAssembly.RuntimeError, where: trapFunction(e), asserts });
        asserts = [];
        Atomics.store(ctl, slot + CTL.FAILED, 1);
      }
      ctl[slot + CTL.BLOCKS] = blocks;
      times[(slot + CTL.START) / 2] = start;
      times[(slot + CTL.END) / 2] = clock();
      withdrawLate(ctl, generation, job.invited);
      if (Atomics.sub(ctl, CTL.RUNNING, 1) === 1) Atomics.notify(ctl, CTL.RUNNING);
      if (msg.outByMessage) port.post({ type: 'out' });
    }
  });
}
