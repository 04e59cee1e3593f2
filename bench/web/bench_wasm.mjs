// bench_wasm.mjs — the CPU benchmark kernels (bench/cpu/kernels.cu, the
// cases and sizes of bench/cpu/cases.c) on the package's WebAssembly CPU
// device in Node against the native CPU backend, in one run:
//   wasm N workers   blocks spread over N workers (default: all cores)
//   wasm 1 thread    blocks one after another on the calling thread
//   no SIMD          the same two with thread loops left scalar (the module
//                    written by `BUILD_DIR/cuwasm transpile --target wasm`
//                    with CUWASM_WASM_SIMD=0)
//   native           `bench_cpu --only CASE` (the CPU backend, all cores),
//                    run between the wasm measurements of the same case
// Each figure is the best of --reps runs after a warm-up, data kept in the
// module's memory; the ratios are native time / wasm time (1.0: as fast as
// native), with their geometric means.  Each case's output with workers is
// checked against the one-thread SIMD output (floats within 1e-4
// relative: the order of atomic float adds differs).
// --workers-only times the N-worker SIMD128 module alone (no one-thread
// or no-SIMD columns, no cross-check of outputs between them): a quick A/B.
// --steps also times each launch of a multi-kernel case (scan) alone, on N
// workers and natively (bench_cpu --steps), and an empty kernel's launch,
// where a short kernel's time goes.
//   node bench/web/bench_wasm.mjs BUILD_DIR [--small] [--reps N] [--workers N] [--only CASE] [--steps] [--workers-only]
// Needs the compiler built to WebAssembly (bash web/wasm/build.sh) and
// BUILD_DIR/bench/bench_cpu (cmake --build BUILD_DIR --target bench_cpu).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const option = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const build = path.resolve(args[0] ?? 'build');
const small = args.includes('--small');
const reps = Number(option('--reps', 3));
const cores = Number(option('--workers', os.availableParallelism()));
const only = option('--only', null);
const steps = args.includes('--steps');
const workersOnly = args.includes('--workers-only');
const benchCpu = path.join(build, 'bench/bench_cpu');
if (!fs.existsSync(benchCpu)) throw new Error(`${benchCpu} is missing: cmake --build ${build} --target bench_cpu`);
const { compile, WasmModule } = await import(path.join(root, 'web/src/index.js'));
const { benchCases } = await import('./wasm_cases.mjs');

const cases = benchCases(small);

const src = fs.readFileSync(path.join(root, 'bench/cpu/kernels.cu'), 'utf8');
const modes = [
  { label: `wasm ${cores} workers`, workers: cores },
  { label: 'wasm 1 thread', workers: 1 },
  { label: `${cores} w, no SIMD`, workers: cores, noSimd: true },
  { label: '1 t, no SIMD', workers: 1, noSimd: true },
].slice(0, workersOnly ? 1 : 4);
const scalarBinary = (() => {
  const out = path.join(os.tmpdir(), `cuwasm-bench-nosimd-${process.pid}.wasm`);
  execFileSync(path.join(build, 'cuwasm'), ['transpile', path.join(root, 'bench/cpu/kernels.cu'), '--target', 'wasm', '-o', out],
    { env: { ...process.env, CUWASM_WASM_SIMD: '0' } });
  const bin = fs.readFileSync(out);
  fs.rmSync(out);
  return bin;
})();
const mods = [];
for (const m of modes)
  mods.push(m.noSimd ? await WasmModule.fromBinary(scalarBinary, { workers: m.workers })
    : await compile(src, { name: 'kernels.cu', device: 'wasm', workers: m.workers }));
for (const mod of mods) await mod.ready(); // time all workers, not the first launches' start-up

// Runs run() until it has run 3 times and for 250 ms.  V8 runs a wasm
// function as baseline (Liftoff) code until it has run enough to be
// compiled optimised in the background: stencil2d's first runs on 2
// threads took 14.8, 5.9, 3.0, 2.9, 6.8, 2.5 ... 2.2 ms (2-core VM), so one
// warm-up run left the best of 3 or 5 at baseline code now and then.
async function warmUp(run) {
  const t0 = performance.now();
  for (let i = 0; i < 3 || performance.now() - t0 < 250; i++) await run();
}

// best of reps of one case on one module; returns [ms, output, CPU ms of
// the process (all its threads)]
async function timeWasm(mod, c) {
  const b = Object.fromEntries(Object.entries(c.bufs).map(([k, v]) => [k, mod.buffer(v)]));
  const run = async () => {
    if (c.zero) b[c.zero].write(new Uint8Array(c.bufs[c.zero].byteLength));
    for (const [k, g, bl, a] of c.steps(b)) await mod.launch(k, { grid: g, block: bl, args: a });
  };
  // the first run's output (saxpy updates y in place), then the warm-up,
  // then the timing
  await run();
  const out = await b[c.out].read(c.u32 ? Uint32Array : Float32Array);
  await warmUp(run);
  let best = Infinity, bestCpu = Infinity;
  for (let i = 0; i < reps; i++) {
    const t = performance.now(), c = process.cpuUsage();
    await run();
    best = Math.min(best, performance.now() - t);
    const u = process.cpuUsage(c);
    bestCpu = Math.min(bestCpu, (u.user + u.system) / 1000);
  }
  for (const x of Object.values(b).reverse()) x.destroy(); // the last buffers: their memory is reused
  return [best, out, bestCpu];
}

// --steps: each launch of the case alone on mod, best of reps: [[kernel, ms]]
async function timeSteps(mod, c) {
  const b = Object.fromEntries(Object.entries(c.bufs).map(([k, v]) => [k, mod.buffer(v)]));
  const out = [];
  for (const [k, g, bl, a] of c.steps(b)) {
    let best = Infinity;
    for (let i = 0; i <= reps; i++) {
      const t = performance.now();
      await mod.launch(k, { grid: g, block: bl, args: a });
      if (i) best = Math.min(best, performance.now() - t);
    }
    out.push([k, best]);
  }
  for (const x of Object.values(b).reverse()) x.destroy();
  return out;
}

// an empty kernel's launch on mod: the least mean of 5 rounds of 200, in µs
async function launchMicros(mod) {
  let best = Infinity;
  for (let r = 0; r < 6; r++) {
    const t = performance.now();
    for (let i = 0; i < 200; i++) await mod.launch('empty', { grid: [1, 1, 1], block: [1, 1, 1], args: [] });
    if (r) best = Math.min(best, ((performance.now() - t) * 1000) / 200);
  }
  return best;
}

let nativeText = '';
function timeNative(c) {
  const text = execFileSync(benchCpu, ['--only', c.name, '--reps', String(reps), ...(small ? ['--small'] : []), ...(steps ? ['--steps'] : [])],
    { encoding: 'utf8' });
  const m = new RegExp(`^${c.name}\\s+([\\d.]+)`, 'm').exec(text);
  if (!m) throw new Error(`bench_cpu printed no time for ${c.name}:\n${text}`);
  if (!/\bok$/m.test(text)) throw new Error(`bench_cpu's check failed for ${c.name}`);
  nativeText = text;
  return Number(m[1]);
}

const maxRelDiff = (a, b) => {
  let md = 0, mr = 0;
  for (let i = 0; i < a.length; i++) { md = Math.max(md, Math.abs(a[i] - b[i])); mr = Math.max(mr, Math.abs(b[i])); }
  return mr ? md / mr : md;
};

console.log(`the CPU benchmark kernels on the WebAssembly device (Node ${process.version}, ${os.availableParallelism()} cores, ` +
  `load average ${os.loadavg()[0].toFixed(1)}) ` +
  `against the native CPU backend, best of ${reps}${small ? ', --small sizes' : ''}; ratio = native time / wasm time`);
const head = ['kernel', ...modes.map((m) => m.label), 'native', ...modes.map((m) => m.label.replace('wasm ', '')), 'check'];
console.log(`${''.padEnd(10)}${'time'.padStart(16)}${''.padStart(16 * modes.length)}${'ratio = native / wasm'.padStart(16)}`);
console.log(head.map((h, i) => (i ? h.padStart(16) : h.padEnd(10))).join(''));
const ratios = modes.map(() => []), cpuOneThread = [];
for (const c of cases) {
  if (only && c.name !== only) continue;
  const times = [], outs = [], cpus = [];
  const [t0, o0, c0] = await timeWasm(mods[0], c);
  const native = timeNative(c);
  times.push(t0); outs.push(o0); cpus.push(c0);
  for (const mod of mods.slice(1)) { const [t, o, u] = await timeWasm(mod, c); times.push(t); outs.push(o); cpus.push(u); }
  const ref = outs[workersOnly ? 0 : 1];
  if (!workersOnly) cpuOneThread.push([c.name, cpus[1], cpus[3]]);
  const diff = c.u32 ? (outs.every((o) => o.every((x, i) => x === ref[i])) ? 0 : 1) : Math.max(...outs.map((o) => maxRelDiff(o, ref)));
  const check = workersOnly ? '-' : diff <= 1e-4 ? 'ok' : `DIFFERS (${diff.toExponential(2)})`;
  times.forEach((t, i) => ratios[i].push(native / t));
  console.log(c.name.padEnd(10) + [...times, native].map((t) => `${t.toFixed(2)} ms`.padStart(16)).join('') +
    times.map((t) => `${(native / t).toFixed(2)}x`.padStart(16)).join('') + `  ${check}`);
  if (steps && c.steps(Object.fromEntries(Object.keys(c.bufs).map((k) => [k, null]))).length > 1) {
    const st = await timeSteps(mods[0], c), nat = /^ {2}steps: (.*)$/m.exec(nativeText);
    console.log(`  steps, ${cores} workers: ${st.map(([k, t]) => `${k} ${t.toFixed(3)} ms`).join(', ')}`);
    console.log(`  steps, native:    ${nat ? nat[1] : '(bench_cpu printed none)'}`);
  }
}
const geo = (a) => Math.exp(a.reduce((s, x) => s + Math.log(x), 0) / a.length);
console.log('geomean'.padEnd(10) + ''.padStart(16 * (modes.length + 1)) + ratios.map((r) => `${geo(r).toFixed(2)}x`.padStart(16)).join(''));
if (steps) {
  const nat = /empty kernel launch \+ synchronize: ([\d.]+) us/.exec(execFileSync(benchCpu, ['--only', 'none', '--reps', '1'], { encoding: 'utf8' }));
  console.log(`empty kernel launch: ${(await launchMicros(mods[0])).toFixed(1)} us with ${cores} workers, ` +
    `${workersOnly ? '' : `${(await launchMicros(mods[1])).toFixed(1)} us on 1 thread, `}native ${nat ? nat[1] : '?'} us`);
}
if (workersOnly) {
  for (const m of mods) m.destroy();
  process.exit(0);
}
// CPU time is less disturbed than wall time by other processes on the machine
console.log(`\nCPU time on one thread, best of ${reps} (SIMD128 on, off, off / on):`);
for (const [name, on, off] of cpuOneThread)
  console.log(`${name.padEnd(10)}${`${on.toFixed(1)} ms`.padStart(12)}${`${off.toFixed(1)} ms`.padStart(12)}${`${(off / on).toFixed(2)}x`.padStart(10)}`);
console.log(`geomean${''.padStart(27)}${`${geo(cpuOneThread.map(([, on, off]) => off / on)).toFixed(2)}x`.padStart(10)}\n`);
console.log(`SIMD128 on / off: ${(geo(ratios[0]) / geo(ratios[2])).toFixed(2)}x with ${cores} workers, ${(geo(ratios[1]) / geo(ratios[3])).toFixed(2)}x on one thread; ` +
  `${cores} workers / 1 thread: ${(geo(ratios[0]) / geo(ratios[1])).toFixed(2)}x`);
for (const m of mods) m.destroy();
process.exit(0);
