// wasm_pool_shared.js — what the thread posting a launch (wasm_pool.js)
// and the workers (wasm_worker.js) share: the control block, an Int32Array
// over a SharedArrayBuffer with a Float64Array over the same bytes for the
// workers' clocks, and the loop that takes a launch's blocks.
//
// A launch: the poster writes the kernel's parameters, and in the slot of
// each worker invited its scratch address and the launch's generation
// (LAUNCH), sets RUNNING to the number of those workers, then bumps
// GENERATION and notifies it.  A worker woken by a new generation joins
// the launch by swapping its slot's LAUNCH from that generation to JOINED
// (a worker left out of one launch that wakes late, while the next is
// being written, finds its slot not yet or already naming the next one,
// and waits for it); it takes blocks from the launch's counter in the
// module's memory, writes its start, end and block count to its slot and
// counts RUNNING down; the last one notifies RUNNING.  The first thread
// to find every block taken withdraws the invitations not yet taken up
// (LAUNCH swapped from the generation to WITHDRAWN, RUNNING counted down
// for each): a worker the system woke late then costs the launch nothing,
// where the launch used to wait for it to wake only to find no block left
// (0.6-1.2 ms on a 16-core host, bench/README.md).  printf text, failed asserts and traps still travel as
// messages, which a worker posts before it counts itself out: it counts
// them in its slot (PRINTS, FAILED) so the poster knows how many to wait
// for.  STOP with a new generation ends the workers' loop (terminate).
// A worker done with a launch watches GENERATION for SPIN microseconds
// before it sleeps, as the native pool's threads do (src/rt/cpu/pool.c):
// back-to-back launches then find it awake.
export const CTL = {
  GENERATION: 0, RUNNING: 1, INVITED: 2, EXPORT: 3, ARGS: 4, SHARED: 5, COUNTER: 6, CHUNK: 7,
  GRID: 8, BLOCK: 11, STOP: 14, SHARES: 15, FANOUT: 16, SPIN: 17, SLOTS: 18, // SLOTS even: f64s in the slots
  // within a worker's slot, in i32 units; START and END are f64s
  SCRATCH: 0, FAILED: 1, PRINTS: 2, BLOCKS: 3, START: 4, END: 6, LAUNCH: 8, SLOT_SIZE: 10,
  // a slot's LAUNCH once its worker joined, or once its invitation was
  // withdrawn; generations stay within 0..GENERATION_MASK, never these
  JOINED: -1, WITHDRAWN: -2, GENERATION_MASK: 0x3fffffff,
};
export const slotOf = (worker) => CTL.SLOTS + worker * CTL.SLOT_SIZE;
export const controlBytes = (workers) => 4 * slotOf(workers);

// How the workers asleep are woken: FANOUT 0, all by the poster's one
// Atomics.notify; FANOUT k, k by the poster and k more by each worker
// woken, before it looks at the launch (a tree: V8 wakes the waiters of
// one notify one after another through one lock, which woken threads
// then take in turn).  CUWASM_WASM_FANOUT=k in Node (wasm_pool.js).
//
// Workers do not spin for the next launch, as the native pool's threads
// do for 50 us: with as many threads as cores, a spinning worker took the
// core that the posting thread or V8's own threads needed, and launches
// on 16 cores took 2.5-3 ms where they took 0.4-0.9 ms with the workers
// asleep (stencil2d, saxpy, scan; bench/README.md).

// A launch's parameters in the control block: written by the poster
// (exportIndex: the kernel's place among the module's exports), read back
// by each worker as takeBlocks's job.
export function writeJob(ctl, { argAddr, sharedBytes, counter, chunk, shares, grid, block }, exportIndex, invited) {
  ctl[CTL.INVITED] = invited;
  ctl[CTL.EXPORT] = exportIndex;
  ctl[CTL.ARGS] = argAddr;
  ctl[CTL.SHARED] = sharedBytes;
  ctl[CTL.COUNTER] = counter;
  ctl[CTL.CHUNK] = chunk;
  ctl[CTL.SHARES] = shares;
  for (let d = 0; d < 3; d++) ctl[CTL.GRID + d] = grid[d], ctl[CTL.BLOCK + d] = block[d];
}

export function readJob(ctl) {
  return {
    invited: ctl[CTL.INVITED], exportIndex: ctl[CTL.EXPORT], argAddr: ctl[CTL.ARGS], sharedBytes: ctl[CTL.SHARED],
    counter: ctl[CTL.COUNTER], chunk: ctl[CTL.CHUNK], shares: ctl[CTL.SHARES],
    grid: [ctl[CTL.GRID], ctl[CTL.GRID + 1], ctl[CTL.GRID + 2]],
    block: [ctl[CTL.BLOCK], ctl[CTL.BLOCK + 1], ctl[CTL.BLOCK + 2]],
  };
}

// The generation after the control block's current one.
export const nextGeneration = (ctl) => (ctl[CTL.GENERATION] + 1) & CTL.GENERATION_MASK;

// Called by a thread that found every block of launch `generation` taken:
// withdraws the invitations of the first `invited` workers that have not
// joined, counting RUNNING down for each (and notifying it when that ends
// the launch).  Returns how many it withdrew.
export function withdrawLate(ctl, generation, invited) {
  let withdrawn = 0;
  for (let i = 0; i < invited; i++) {
    const at = slotOf(i) + CTL.LAUNCH;
    if (Atomics.load(ctl, at) === generation &&
        Atomics.compareExchange(ctl, at, generation, CTL.WITHDRAWN) === generation) withdrawn++;
  }
  if (withdrawn && Atomics.sub(ctl, CTL.RUNNING, withdrawn) === withdrawn) Atomics.notify(ctl, CTL.RUNNING);
  return withdrawn;
}

// milliseconds since the epoch (workers' performance.now() start from
// different origins)
export const clock = () => performance.timeOrigin + performance.now();

// A launch's blocks are divided into `shares` contiguous ranges, one per
// thread taking part (the poster's first when it takes blocks), as the
// native pool divides them (src/rt/cpu/pool.c) and as OpenMP's static
// schedule does: a thread streams through its own part of the arrays, and
// the next launch over the same grid finds its part in that core's cache.
// Each range has a counter and an end in the module's memory, a cache line
// apart (SHARE_BYTES), from the job's `counter` address up.  A thread runs
// chunks from the front of its own range, then from the others' in turn:
// a worker that woke late finds its range taken by the others, and uneven
// blocks still balance.  One share is the whole grid behind one counter.
export const SHARE_BYTES = 64;
const SHARE_I32 = SHARE_BYTES / 4; // a share's place in an Int32Array: i * SHARE_I32 (its counter), + 1 (its end)

// Lays out `shares` ranges over n blocks at `counter` in memory.
export function writeShares(memory, counter, shares, n) {
  const v = new Int32Array(memory.buffer, counter, shares * SHARE_I32);
  for (let i = 0; i < shares; i++) {
    v[i * SHARE_I32] = Math.floor((n * i) / shares);
    v[i * SHARE_I32 + 1] = Math.floor((n * (i + 1)) / shares);
  }
}

// Runs the launch's blocks (`chunk` consecutive ones per take of a
// counter: one atomic per chunk, not per block) from share `own` on,
// until every share is taken.  Returns how many blocks ran here.  A throw
// (a trap) first sets every counter to its end: the others take no more.
export function takeBlocks(fn, memory, { argAddr, sharedBytes, grid, block, counter, chunk, shares }, scratch, own) {
  const v = new Int32Array(memory.buffer, counter, shares * SHARE_I32);
  const [gx, gy, gz] = grid, [bx, by, bz] = block;
  let blocks = 0;
  own = ((own % shares) + shares) % shares;
  try {
    for (let k = 0; k < shares; k++) {
      const at = ((own + k) % shares) * SHARE_I32, end = v[at + 1];
      for (let s; (s = Atomics.add(v, at, chunk)) < end;) {
        const e = Math.min(s + chunk, end);
        blocks += e - s;
        let x = s % gx, yz = (s - x) / gx, y = yz % gy, z = (yz - y) / gy;
        for (let i = s; i < e; i++) {
          fn(argAddr, scratch, sharedBytes, x, y, z, gx, gy, gz, bx, by, bz);
          if (++x === gx) { x = 0; if (++y === gy) { y = 0; z++; } }
        }
      }
    }
  } catch (e) {
    for (let k = 0; k < shares; k++) Atomics.store(v, k * SHARE_I32, v[k * SHARE_I32 + 1]);
    throw e;
  }
  return blocks;
}

// The device function a trap happened in: the innermost WebAssembly frame
// of its stack, named by the module's "name" section (src/emit/wasm.c).
export function trapFunction(e) {
  return /\n\s*at (.+?) \(wasm:\/\//.exec(e?.stack ?? '')?.[1] ?? null;
}
