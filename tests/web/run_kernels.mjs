// run_kernels.mjs — every `// launch:` line of tests/kernels whose kernel
// the WGSL target accepts, run through the cuwasm npm package on WebGPU
// (Dawn; SwiftShader on machines without a GPU) and compared with the
// native CPU backend (`cuwasm launch … --backend cpu --out DIR`).
//
//   node tests/web/run_kernels.mjs CUWASM_BIN KERNEL_DIR [--only FILE] [--max-storage-buffers N] [--f64-as-f32]
//
// Inputs are generated as cuwasm launch generates them (zeros, iota, iota:START:STEP,
// rand:SEED by the same xorshift64, fill:V).  Integers must match exactly;
// floats within a relative 2e-3 (atomics sum in another order; WebGPU's
// transcendental functions are less exact than libm).  Exit 77 (skip) when
// no WebGPU adapter or npm module is there.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const [bin, kdir, ...rest] = process.argv.slice(2);
const opt = (name) => { const i = rest.indexOf(name); return i >= 0 ? rest[i + 1] : null; };
const only = opt('--only');
// --max-storage-buffers N: compile as for a device allowing N storage
// buffers, so kernels with more run with their buffers packed
const maxStorage = opt('--max-storage-buffers');
// --f64-as-f32: double computed as float (f64 buffers compared as floats)
const f64 = rest.includes('--f64-as-f32');
const compileOptions = { ...(maxStorage ? { maxStorageBuffers: Number(maxStorage) } : {}), ...(f64 ? { f64AsF32: true } : {}) };
let pkg;
try {
  pkg = await import('../../web/src/index.js');
} catch (e) {
  console.log(`SKIP: ${e.message}`);
  process.exit(77);
}

import { T, close, fillBuffer, makeArgs, parseLine } from './launch_lines.mjs';

// Launches whose output depends on the last bit of a float: WebGPU may
// contract a*b+c into one fma (as nvcc does), the CPU backend does not;
// there integers may differ by 4 (a float's bits: SwiftShader's f32
// arithmetic is a few ulp off in places; a rounding) and at
// most 1% of the elements by more.  cppFeatures adds the low
// bit of a float to its output, floatBits stores a float's bits;
// mandelbrot's iteration counts are chaotic
// at the set's boundary.
const lastBit = new Set(['cpp_features.cu cppFeatures', 'mandelbrot.cu mandelbrot', 'bitcast_rounding.cu floatBits',
  ...(f64 ? ['mandelbrot.cu mandelbrotDouble'] : [])]); // the same boundary, in float instead of double

const files = fs.readdirSync(kdir).filter((f) => f.endsWith('.cu') && (!only || f === only)).sort();
let ran = 0, passed = 0, unsupported = 0, dirs = 0;
const failures = [], overLimit = [];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cuwasm-web-'));
for (const f of files) {
  const file = path.join(kdir, f);
  const src = fs.readFileSync(file, 'utf8');
  const lines = [...src.matchAll(/^\/\/ launch: (.*)$/gm)].map((m) => m[1]);
  if (!lines.length) continue;
  let mod;
  try {
    mod = await pkg.compile(src, { name: f, print: () => {}, ...compileOptions, device: 'webgpu' });
  } catch (e) {
    if (/WebGPU/.test(e.message)) { console.log(`SKIP: ${e.message}`); process.exit(77); }
    unsupported += lines.length;
    console.log(`unsupported ${f}: ${e.message.split('\n')[0]}`);
    continue;
  }
  for (const line of lines) {
    const nameMatch = /^('[^']*'|\S+)\s+(.*)$/.exec(line);
    const kname = nameMatch[1].replace(/'/g, '');
    const o = parseLine(`x ${nameMatch[2]}`);
    const args = makeArgs(o.args);
    const info = mod.kernels.find((k) => k.name.replace(/\s/g, '') === kname.replace(/\s/g, ''));
    if (info && info.supported && args.some((a) => a.type === 'f16')) { // T has no Float16Array in Node 18
      overLimit.push(`${f} ${line}: __half buffers are not compared here (no Float16Array; SwiftShader has no shader-f16)`);
      continue;
    }
    const types = ['i8', 'u8', 'i16', 'u16', 'i32', 'u32', 'i64', 'u64', 'f32', ...(f64 ? ['f64'] : [])];
    if ((info && !info.supported) || args.some((a) => a.buffer && !types.includes(a.type))) {
      unsupported++;
      continue;
    }
    const out = path.join(tmp, `${dirs++}`);
    fs.mkdirSync(out);
    const nativeArgs = ['launch', file, kname, '--grid', o.grid.join(','), '--block', o.block.join(','),
      ...(o.shared ? ['--shared', String(o.shared)] : []), '--backend', 'cpu', '--out', out, ...o.args];
    ran++;
    try {
      execFileSync(bin, nativeArgs, { stdio: ['ignore', 'ignore', 'pipe'] });
      await mod.launch(kname, { grid: o.grid, block: o.block, sharedBytes: o.shared,
        args: args.map((a) => (a.buffer ? a.data : a.value)) });
    } catch (e) {
      if (/exceeds this WebGPU device|shader-f16|storage buffers .* allows/.test(e.message)) { ran--; overLimit.push(`${f} ${line}: ${e.message}`); continue; }
      if (/not support|cannot|WGSL/.test(e.message) && !/WebGPU rejected/.test(e.message)) { ran--; unsupported++; continue; }
      failures.push(`${f} ${line}: ${e.message.split('\n')[0]}`);
      continue;
    }
    let bad = null, differ = 0, total = 0;
    const tolerant = lastBit.has(`${f} ${kname}`);
    args.forEach((a, i) => {
      if (!a.buffer || (bad && !tolerant)) return;
      const raw = fs.readFileSync(path.join(out, `arg${i}.bin`)); // a Buffer may share a pool
      const ref = new T[a.type](raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
      total += ref.length;
      for (let k = 0; k < ref.length && (!bad || tolerant); k++)
        if (!close(a.data[k], ref[k], a.type === 'f32' || a.type === 'f64') &&
            !(tolerant && a.type !== 'f32' && Math.abs(Number(a.data[k]) - Number(ref[k])) <= 4)) {
          differ++;
          bad ??= `arg${i}[${k}] = ${a.data[k]}, CPU backend ${ref[k]}`;
        }
    });
    if (bad && tolerant && differ <= total / 100) {
      console.log(`known ${f} ${line}: ${differ} of ${total} elements differ, e.g. ${bad} (float rounding)`);
      passed++;
    }
    else if (bad) failures.push(`${f} ${line}: ${bad}`);
    else passed++;
  }
  mod.destroy();
}
fs.rmSync(tmp, { recursive: true, force: true });
for (const m of overLimit) console.log(`device limit ${m}`);
for (const m of failures) console.log(`FAIL ${m}`);
console.log(`webgpu: ${passed} of ${ran} launches match the CPU backend; ${unsupported} launch lines use kernels the WGSL target rejects; ${overLimit.length} need more than this adapter offers (block size, shader-f16)`);
process.exit(failures.length ? 1 : 0);
