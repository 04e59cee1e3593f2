// bench.mjs — WebGPU benchmarks, in one run:
//  1. compile time of the compiler in WebAssembly (the npm package's) against
//     the native compiler (`cuwasm transpile --target wgsl-json`, which also
//     pays a process start, measured alone and subtracted) on the same files;
//  2. the CPU benchmark kernels of bench/cpu/kernels.cu on WebGPU (or, with
//     --device wasm, on the package's WebAssembly CPU device; bench_wasm.mjs
//     compares that device with the native CPU backend),
//     data kept on the device, best of --reps launches after a warm-up.
//   node bench/web/bench.mjs CUWASM [--small] [--reps N] [--device webgpu|wasm] [--kernels-only]
// On machines without a GPU, Dawn runs on SwiftShader (a CPU Vulkan): the
// kernel times then measure SwiftShader, not a GPU.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const bin = path.resolve(args[0] ?? 'build/cuwasm');
const small = args.includes('--small');
const reps = Number(args[args.indexOf('--reps') + 1] || 5) || 5;
const device = args.includes('--device') ? args[args.indexOf('--device') + 1] : 'webgpu';
const kernelsOnly = args.includes('--kernels-only');
const icd = '/usr/lib/chromium/vk_swiftshader_icd.json';
if (!process.env.VK_ICD_FILENAMES && fs.existsSync(icd)) process.env.VK_ICD_FILENAMES = icd;
const { compile } = await import(path.join(root, 'web/src/index.js'));
const { compileToWgsl } = await import(path.join(root, 'web/src/compiler.js'));

const best = (f) => { let b = Infinity; for (let i = 0; i < reps; i++) b = Math.min(b, f()); return b; };
const bestAsync = async (f) => { let b = Infinity; for (let i = 0; i < reps; i++) b = Math.min(b, await f()); return b; };

// ---- 1. compile time ---------------------------------------------------
if (!kernelsOnly) await compileTimes();
async function compileTimes() {
const files = [path.join(root, 'bench/cpu/kernels.cu'),
  ...fs.readdirSync(path.join(root, 'tests/kernels')).filter((f) => f.endsWith('.cu')).sort()
    .map((f) => path.join(root, 'tests/kernels', f))];
const empty = path.join(os.tmpdir(), 'cuwasm-empty.cu');
fs.writeFileSync(empty, '\n');
// native: one shell loop over all files, minus the same loop over an empty
// file (process start and the implicit cuda_runtime.h), best of reps
const loop = (list) => {
  const t = process.hrtime.bigint();
  execFileSync('bash', ['-c', 'for f in "$@"; do "$0" transpile "$f" --target wgsl-json -o /dev/null || true; done', bin, ...list],
    { stdio: 'ignore' });
  return Number(process.hrtime.bigint() - t) / 1e6;
};
const nativeAll = best(() => loop(files));
const startupAll = best(() => loop(files.map(() => empty)));
const nativeSum = Math.max(0, nativeAll - startupAll), startup = startupAll / files.length;
await compileToWgsl('__global__ void warm() {}');
let wasmSum = 0, wasmEmpty = 0, lines = 0;
for (const f of files) {
  const src = fs.readFileSync(f, 'utf8');
  lines += src.split('\n').length;
  wasmSum += await bestAsync(async () => {
    const t = performance.now();
    await compileToWgsl(src, { name: path.basename(f) });
    return performance.now() - t;
  });
  wasmEmpty += await bestAsync(async () => {
    const t = performance.now();
    await compileToWgsl('\n', { name: 'empty.cu' });
    return performance.now() - t;
  });
}
wasmSum -= wasmEmpty;
console.log(`compile to WGSL, ${files.length} files, ${lines} lines (best of ${reps}):`);
console.log(`  native   ${nativeSum.toFixed(1)} ms (an empty file's ${startup.toFixed(1)} ms per file subtracted: process start, cuda_runtime.h)`);
console.log(`  wasm     ${wasmSum.toFixed(1)} ms (an empty file's ${(wasmEmpty / files.length).toFixed(1)} ms per file subtracted), ${(wasmSum / nativeSum).toFixed(2)}x the native time`);
}

// ---- 2. kernels on WebGPU ----------------------------------------------
const rand = (n, seed) => { let s = seed >>> 0; return Float32Array.from({ length: n }, () => ((s = (s * 1664525 + 1013904223) >>> 0) / 4294967296)); };
const src = fs.readFileSync(path.join(root, 'bench/cpu/kernels.cu'), 'utf8');
const mod = await compile(src, { name: 'kernels.cu', device });
const sh = small ? 4 : 1;
const cases = [];
{ const n = (1 << 24) / sh / 4; cases.push({ name: 'saxpy', n, bytes: 12 * n, steps: (b) => [['saxpy', [n / 256], [256], [n, 2.5, b.x, b.y]]], bufs: { x: rand(n, 1), y: rand(n, 2) } }); }
{ const n = small ? 256 : 512; cases.push({ name: 'sgemm', n, flops: 2 * n ** 3, steps: (b) => [['sgemm', [n / 16, n / 16], [16, 16], [b.A, b.B, b.C, n]]], bufs: { A: rand(n * n, 3), B: rand(n * n, 4), C: n * n * 4 } }); }
{ const n = (1 << 24) / sh / 4; cases.push({ name: 'reduction', n, bytes: 4 * n, steps: (b) => [['reduce', [512], [256], [b.i, b.p, n]]], bufs: { i: rand(n, 5), p: 512 * 4 } }); }
{ const n = (1 << 25) / sh; const d = Uint8Array.from({ length: n }, (_, i) => (i * 2654435761) >>> 24); cases.push({ name: 'histogram', n, bytes: n, steps: (b) => [['histogram', [256], [256], [b.d, b.h, n]]], bufs: { d, h: 256 * 4 } }); }
{ const w = small ? 1024 : 2048; cases.push({ name: 'stencil2d', n: w * w, bytes: 8 * w * w, steps: (b) => [['stencil2d', [w / 32, w / 8], [32, 8], [b.i, b.o, w, w]]], bufs: { i: rand(w * w, 6), o: w * w * 4 } }); }
{ const w = small ? 1024 : 2048; cases.push({ name: 'transpose', n: w * w, bytes: 8 * w * w, steps: (b) => [['transpose', [w / 32, w / 32], [32, 8], [b.i, b.o, w, w]]], bufs: { i: rand(w * w, 7), o: w * w * 4 } }); }
{ const n = small ? 2048 : 8192; cases.push({ name: 'nbody', n, flops: 20 * n * n, steps: (b) => [['nbody', [n / 256], [256], [b.p, b.a, n, 0.01]]], bufs: { p: rand(4 * n, 8), a: 16 * n } }); }
{ const n = (1 << 22) / sh, nc = n / 256; cases.push({ name: 'scan', n, bytes: 8 * n, steps: (b) => [['scanBlocks', [nc], [256], [b.i, b.o, b.s]], ['scanSums', [1], [1], [b.s, nc]], ['scanAdd', [nc], [256], [b.o, b.s]]], bufs: { i: rand(n, 9), o: n * 4, s: nc * 4 } }); }

console.log(`kernels of bench/cpu on ${device === 'wasm' ? 'the WebAssembly CPU device (blocks on all cores)' : 'WebGPU'}${small ? ' (--small sizes)' : ''}, best of ${reps}:`);
for (const c of cases) {
  const b = Object.fromEntries(Object.entries(c.bufs).map(([k, v]) => [k, mod.buffer(v)]));
  try {
    const run = async () => { for (const [k, g, bl, a] of c.steps(b)) await mod.launch(k, { grid: g, block: bl, args: a }); };
    await run();
    const ms = await bestAsync(async () => { const t = performance.now(); await run(); return performance.now() - t; });
    const rate = c.flops ? `${(c.flops / ms / 1e6).toFixed(2)} GFLOP/s` : `${(c.bytes / ms / 1e6).toFixed(2)} GB/s`;
    console.log(`  ${c.name.padEnd(10)} ${ms.toFixed(2).padStart(9)} ms  ${rate}`);
  } catch (e) {
    console.log(`  ${c.name.padEnd(10)} not run: ${e.message.split('\n')[0]}`);
  }
  for (const v of Object.values(b)) v.destroy();
}
mod.destroy();
process.exit(0);
