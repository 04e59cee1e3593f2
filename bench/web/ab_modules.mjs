// ab_modules.mjs — two WebAssembly device modules of bench/cpu/kernels.cu
// (say, `cuwasm transpile --target wasm` before and after a change to the
// WebAssembly emitter) on the CPU benchmark's cases, alternately in one
// process: on a shared machine whose speed drifts by more than a change
// moves it, only runs interleaved in the same minutes compare.  Per case:
// six warm-up runs of each, then ROUNDS rounds of (best of 5 runs of A,
// best of 5 of B); prints each round's figures, the medians, B/A (below 1:
// B is faster) and whether both wrote the same output bytes.
//   node bench/web/ab_modules.mjs A.wasm B.wasm [--only CASE,CASE] [--rounds N] [--workers N]
// (workers: per module, default 1; WORKERS_A / WORKERS_B override one side,
// to compare worker counts on one module).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { WasmModule } = await import(path.join(root, 'web/src/index.js'));
const { benchCases } = await import('./wasm_cases.mjs');
const args = process.argv.slice(2);
const option = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const [fileA, fileB] = args;
if (!fileA || !fileB) throw new Error('usage: node bench/web/ab_modules.mjs A.wasm B.wasm [--only CASE,CASE] [--rounds N] [--workers N]');
const rounds = Number(option('--rounds', 5));
const workers = Number(option('--workers', 1));
const only = option('--only', null)?.split(',');
const mods = [
  await WasmModule.fromBinary(fs.readFileSync(fileA), { workers: Number(process.env.WORKERS_A ?? workers) }),
  await WasmModule.fromBinary(fs.readFileSync(fileB), { workers: Number(process.env.WORKERS_B ?? workers) }),
];
const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];

for (const c of benchCases().filter((c) => !only || only.includes(c.name))) {
  const bufs = mods.map((m) => Object.fromEntries(Object.entries(c.bufs).map(([k, v]) => [k, m.buffer(v)])));
  const run = async (m, b) => {
    if (c.zero) b[c.zero].write(new Uint8Array(c.bufs[c.zero].byteLength));
    for (const [k, grid, block, a] of c.steps(b)) await m.launch(k, { grid, block, args: a });
  };
  for (let i = 0; i < 6; i++) for (let j = 0; j < 2; j++) await run(mods[j], bufs[j]);
  const [outA, outB] = await Promise.all(bufs.map((b) => b[c.out].read(Uint8Array)));
  const same = outA.length === outB.length && outA.every((x, i) => x === outB[i]);
  const times = [[], []];
  for (let r = 0; r < rounds; r++)
    for (let j = 0; j < 2; j++) {
      let best = Infinity;
      for (let k = 0; k < 5; k++) {
        const t = performance.now();
        await run(mods[j], bufs[j]);
        best = Math.min(best, performance.now() - t);
      }
      times[j].push(best);
    }
  const [ma, mb] = times.map(median);
  console.log(`${c.name.padEnd(10)} A ${times[0].map((x) => x.toFixed(2)).join(' ')} | B ${times[1].map((x) => x.toFixed(2)).join(' ')} | ` +
    `median A ${ma.toFixed(2)} ms, B ${mb.toFixed(2)} ms, B/A ${(mb / ma).toFixed(3)}, ${same ? 'same output' : 'OUTPUT DIFFERS'}`);
  for (const b of bufs) for (const x of Object.values(b).reverse()) x.destroy();
}
process.exit(0);
