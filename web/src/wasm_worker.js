// wasm_worker.js — one worker of the WebAssembly CPU device (started by
// wasm_pool.js, in a browser as a module Worker, in Node as a
// worker_threads Worker).  It instantiates the kernel module over the
// shared memory and, for each launch, takes block numbers from the
// launch's counter in that memory (Atomics.add, a chunk of consecutive
// blocks at a time) until none is left, running each block with the
// scratch region it was given (shared memory, thread frames, stack: one
// block at a time per worker).  printf output,
// failed asserts and traps go back to the main thread as messages; 'done'
// or 'error' ends its part of a launch.
import { hostImports } from './wasm_host.js';

const inBrowser = typeof self !== 'undefined' && typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope;
const port = inBrowser
  ? { post: (m) => self.postMessage(m), on: (f) => { self.onmessage = (e) => f(e.data); } }
  : await (async () => {
    const { parentPort } = await import('node:worker_threads');
    return { post: (m) => parentPort.postMessage(m), on: (f) => parentPort.on('message', f) };
  })();

let instance = null, memory = null, asserts = [];

port.on(async (msg) => {
  if (msg.type === 'init') {
    memory = msg.memory;
    const imports = hostImports({
      memory,
      printf: (text) => port.post({ type: 'print', text }),
      // modules that allocate in kernels run on the main thread (wasm.js)
      malloc: () => { throw new Error('cuwasm: device malloc in a worker'); },
      free: () => {},
      assert: (message) => asserts.push(message),
    });
    try {
      instance = await WebAssembly.instantiate(msg.module, imports);
      port.post({ type: 'ready' });
    } catch (e) {
      port.post({ type: 'error', message: `cuwasm: a worker could not instantiate the module: ${e.message}` });
    }
  } else if (msg.type === 'run') {
    run(msg);
  }
});

// 'done' carries when this worker started and ended its part (ms since
// the epoch: workers' performance.now() start from different origins) and
// how many blocks it ran, for bench/web/wasm_launch_profile.mjs
const clock = () => performance.timeOrigin + performance.now();

function run({ exportName, argAddr, scratch, sharedBytes, grid, block, counter, chunk = 1 }) {
  const start = clock();
  let blocks = 0;
  const fn = instance.exports[exportName];
  const next = new Int32Array(memory.buffer, counter, 1);
  const [gx, gy, gz] = grid, [bx, by, bz] = block, n = gx * gy * gz;
  try {
    // `chunk` consecutive blocks per take: one atomic on the shared counter
    // (whose cache line the workers pass around) per chunk, not per block
    for (let s; (s = Atomics.add(next, 0, chunk)) < n;) {
      const e = Math.min(s + chunk, n);
      blocks += e - s;
      let x = s % gx, yz = (s - x) / gx, y = yz % gy, z = (yz - y) / gy;
      for (let i = s; i < e; i++) {
        fn(argAddr, scratch, sharedBytes, x, y, z, gx, gy, gz, bx, by, bz);
        if (++x === gx) { x = 0; if (++y === gy) { y = 0; z++; } }
      }
    }
    port.post({ type: 'done', start, end: clock(), blocks });
  } catch (e) {
    Atomics.store(next, 0, n); // the other workers take no more blocks
    port.post({ type: 'error', message: e.message, trap: e instanceof WebAssembly.RuntimeError, asserts });
    asserts = [];
  }
}
