// run_wasm_kernels.mjs — every `// launch:` line of tests/kernels through
// the npm package on the WebAssembly CPU device (`device: 'wasm'`, the
// compiler itself in WebAssembly), compared with the native CPU backend
// (`cuwasm launch … --backend cpu --out DIR`).
//
//   node tests/web/run_wasm_kernels.mjs CUWASM_BIN KERNEL_DIR [--only FILE] [--workers N] [--all-supported]
//
// --workers N runs the blocks on N workers sharing the module's memory
// (default 1: the calling thread, blocks in order); with more, a launch
// of one block still runs on the calling thread.
//
// Integers must match exactly; floats within a relative 2e-3 (the host's
// math functions are not glibc's; atomics are summed in thread order).
// Kernels the WebAssembly target rejects are counted as unsupported with
// their diagnostic, never as failures; a launch that traps or differs is
// a failure.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { compile } from '../../web/src/index.js';
import { floatToHalfBits, halfBitsToFloat } from '../../web/src/wasm.js';
import { T, close, fillBuffer, makeArgs, parseLine } from './launch_lines.mjs';

// __half buffers: made as f32 buffers are, then stored as half bits
// (Node has no Float16Array); compared as floats
const halfArgs = (specs, args) => args.map((a, i) => {
  const m = /^f16\[(\d+)\]=(.*)$/.exec(specs[i]);
  if (!m) return a;
  return { buffer: true, type: 'f16', data: Uint16Array.from(fillBuffer('f32', Number(m[1]), m[2]), floatToHalfBits) };
});

const [bin, kdir, ...rest] = process.argv.slice(2);
const option = (name) => (rest.includes(name) ? rest[rest.indexOf(name) + 1] : null);
const only = option('--only');
const workers = Number(option('--workers') ?? 1);
// --all-supported: a launch line the target rejects fails the run (for
// tests/web/wasm_kernels, written for this target)
const allSupported = rest.includes('--all-supported');
const files = fs.readdirSync(kdir).filter((f) => f.endsWith('.cu') && (!only || f === only)).sort();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cuwasm-wasm-'));
let ran = 0, passed = 0, unsupported = 0, dirs = 0;
// Launches whose output depends on the last bit of a float (the CPU
// backend's C compiler may contract a*b+c into one fma, WebAssembly does
// not): at most 1% of their elements may differ.  cppFeatures adds the low
// bit of a float to its output, floatBits stores a float's bits,
// mandelbrot's iteration counts are chaotic at the set's boundary.
const lastBit = new Set(['cpp_features.cu cppFeatures', 'mandelbrot.cu mandelbrot', 'bitcast_rounding.cu floatBits']);
// Outputs whose order depends on how threads interleave (atomicAdd's old
// values: any permutation is right): compared as sorted multisets.
const unordered = new Set(['atomics_contention.cu contendGlobal arg7']);
const failures = [], reasons = new Map();

const unsupportedLine = (why) => {
  unsupported++;
  reasons.set(why, (reasons.get(why) ?? 0) + 1);
};

for (const f of files) {
  const file = path.join(kdir, f);
  const src = fs.readFileSync(file, 'utf8');
  const lines = [...src.matchAll(/^\/\/ launch: (.*)$/gm)].map((m) => m[1]);
  if (!lines.length) continue;
  let mod;
  try {
    mod = await compile(src, { name: f, device: 'wasm', print: () => {}, workers });
  } catch (e) {
    for (const _ of lines) unsupportedLine(e.message.split('\n')[0]);
    continue;
  }
  for (const line of lines) {
    const nameMatch = /^('[^']*'|\S+)\s+(.*)$/.exec(line);
    const kname = nameMatch[1].replace(/'/g, '');
    const o = parseLine(`x ${nameMatch[2]}`);
    const args = halfArgs(o.args, makeArgs(o.args));
    if (args.some((a) => a.buffer && !T[a.type] && a.type !== 'f16')) { unsupportedLine(`buffers of type ${args.find((a) => a.buffer && !T[a.type]).type}`); continue; }
    const out = path.join(tmp, `${dirs++}`);
    fs.mkdirSync(out);
    const nativeArgs = ['launch', file, kname, '--grid', o.grid.join(','), '--block', o.block.join(','),
      ...(o.shared ? ['--shared', String(o.shared)] : []), '--backend', 'cpu', '--out', out, ...o.args];
    try {
      await mod.launch(kname, { grid: o.grid, block: o.block, sharedBytes: o.shared,
        args: args.map((a) => (a.buffer ? a.data : a.value)) });
    } catch (e) {
      if (/is not supported on (the wasm target|this target)/.test(e.message)) {
        unsupportedLine(e.message.split('\n')[0].replace(/^.*?error: /, ''));
        continue;
      }
      ran++;
      failures.push(`${f} ${line}: ${e.message.split('\n')[0]}`);
      continue;
    }
    ran++;
    try {
      execFileSync(bin, nativeArgs, { stdio: ['ignore', 'ignore', 'pipe'] });
    } catch (e) {
      failures.push(`${f} ${line}: the CPU backend failed: ${String(e.stderr).split('\n')[0]}`);
      continue;
    }
    let bad = null, differ = 0, total = 0;
    const tolerant = lastBit.has(`${f} ${kname}`);
    args.forEach((a, i) => {
      if (!a.buffer || (bad && !tolerant)) return;
      const raw = fs.readFileSync(path.join(out, `arg${i}.bin`));
      const half = a.type === 'f16';
      let ref = new (half ? Uint16Array : T[a.type])(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
      let got = a.data;
      if (half) { ref = Array.from(ref, halfBitsToFloat); got = Array.from(got, halfBitsToFloat); }
      if (unordered.has(`${f} ${kname} arg${i}`)) {
        ref = Array.from(ref).sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
        got = Array.from(got).sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
      }
      total += ref.length;
      for (let k = 0; k < ref.length && (!bad || tolerant); k++)
        if (!close(got[k], ref[k], a.type[0] === 'f') &&
            !(tolerant && a.type[0] !== 'f' && Math.abs(Number(a.data[k]) - Number(ref[k])) <= 4)) {
          differ++;
          bad ??= `arg${i}[${k}] = ${got[k]}, CPU backend ${ref[k]}`;
        }
    });
    if (bad && tolerant && differ <= total / 100) {
      console.log(`known ${f} ${line}: ${differ} of ${total} elements differ, e.g. ${bad} (float rounding)`);
      passed++;
    } else if (bad) failures.push(`${f} ${line}: ${bad}`);
    else passed++;
  }
  mod.destroy();
}
fs.rmSync(tmp, { recursive: true, force: true });
for (const [why, n] of [...reasons].sort((a, b) => b[1] - a[1])) console.log(`unsupported (${n}): ${why}`);
for (const m of failures) console.log(`FAIL ${m}`);
console.log(`wasm${workers > 1 ? ` (${workers} workers)` : ''}: ${passed} of ${ran} launches match the CPU backend; ${unsupported} launch lines use kernels the WebAssembly target rejects`);
if (allSupported && unsupported) console.log(`FAIL ${unsupported} launch lines rejected where every one must run (--all-supported)`);
process.exit(failures.length || (allSupported && unsupported) ? 1 : 0);
