// wasm_launch_profile.mjs — where the time of one launch goes on the
// WebAssembly CPU device with workers: for each benchmark case (the
// kernels and sizes of bench_wasm.mjs), the launch's wall time, then per
// worker when it started after the launch was posted, when it ended, and
// how many blocks it ran; then the same kernel on one thread.  Tells a
// launch's fixed cost (posting, waking workers, collecting answers) from
// uneven work and from slower blocks.
//   node bench/web/wasm_launch_profile.mjs [--workers N] [--reps N] [--only CASE] [--small] [--each]
// (--each: every launch's wall time and workers' start times)
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const option = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const workers = Number(option('--workers', os.availableParallelism()));
const reps = Number(option('--reps', 5));
const only = option('--only', null);
const { compile } = await import(path.join(root, 'web/src/index.js'));
const { benchCases } = await import('./wasm_cases.mjs');
const src = fs.readFileSync(path.join(root, 'bench/cpu/kernels.cu'), 'utf8');
const many = await compile(src, { name: 'kernels.cu', device: 'wasm', workers });
const one = await compile(src, { name: 'kernels.cu', device: 'wasm', workers: 1 });

const fmt = (x) => x.toFixed(3).padStart(8);
console.log(`${workers} workers, Node ${process.version}, ${os.availableParallelism()} cores, load ${os.loadavg()[0].toFixed(1)}; ms, best launch of ${reps}`);
for (const c of benchCases(args.includes('--small'))) {
  if (only && c.name !== only) continue;
  for (const mod of [many, one]) {
    const b = Object.fromEntries(Object.entries(c.bufs).map(([k, v]) => [k, mod.buffer(v)]));
    const steps = c.steps(b);
    for (const [k, g, bl, a] of steps) await mod.launch(k, { grid: g, block: bl, args: a }); // warm-up
    for (const [k, g, bl, a] of steps) {
      let best = null;
      for (let r = 0; r < reps; r++) {
        const before = mod.pool?.lastRun, t = performance.now();
        await mod.launch(k, { grid: g, block: bl, args: a });
        const wall = performance.now() - t, run = mod.pool?.lastRun;
        if (!best || wall < best.wall) best = { wall, run: run !== before ? run : null }; // null: ran on this thread
        if (args.includes('--each') && run !== before)
          console.log(`  ${k}: wall ${fmt(wall)}, starts ${run.answers.map((x) => (x.withdrawn ? '-' : fmt(x.start - run.posted).trim())).join(' ')}`);
      }
      const nb = g.reduce((x, y) => x * y, 1);
      let line = `${c.name.padEnd(10)} ${k.padEnd(11)} ${String(nb).padStart(6)} blocks  ${mod === one ? '1 thread ' : `${workers} workers`} wall ${fmt(best.wall)}`;
      const run = best.run;
      if (mod !== one && run) {
        const ran = run.answers.filter((a) => !a.withdrawn), late = run.answers.length - ran.length;
        const starts = ran.map((a) => a.start - run.posted), ends = ran.map((a) => a.end - run.posted);
        const busy = ran.map((a) => a.end - a.start), blocks = ran.map((a) => a.blocks);
        line += `  first start ${fmt(Math.min(...starts))} last start ${fmt(Math.max(...starts))}` +
          `  first end ${fmt(Math.min(...ends))} last end ${fmt(Math.max(...ends))} settled ${fmt(run.settled - run.posted)}` +
          `  busy ${fmt(Math.min(...busy))}-${fmt(Math.max(...busy)).trim()}  blocks ${Math.min(...blocks)}-${Math.max(...blocks)}` +
          (late ? `  ${late} withdrawn` : '');
      }
      console.log(line);
    }
    for (const x of Object.values(b).reverse()) x.destroy();
  }
}
many.destroy();
one.destroy();
process.exit(0);
