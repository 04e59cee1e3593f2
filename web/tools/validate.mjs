// validate.mjs — validates the WGSL the cuwasm compiler emits for CUDA files
// with naga (npm naga-wasm) and with Dawn's Tint (npm webgpu, null backend).
//
//   node web/tools/validate.mjs CUWASM_BIN FILE.cu... [--json OUT]
//
// For each kernel and each variant below: "ok" when both accept its module, "rejected" when the
// compiler refused it (with its diagnostic), "invalid" when a validator
// refused what the compiler emitted (a bug: exit status 1).  Exits 77 (the
// ctest skip code) when the npm modules are missing.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

let naga, webgpu;
try {
  naga = await import('naga-wasm');
  webgpu = await import('webgpu');
} catch (e) {
  console.log(`SKIP: npm modules missing (run npm ci in web/): ${e.message}`);
  process.exit(77);
}

const args = process.argv.slice(2);
const bin = args.shift();
let jsonOut = null;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--json') jsonOut = args[++i];
  else files.push(args[i]);
}

const gpu = webgpu.create(['backend=null']);
const adapter = await gpu.requestAdapter();
const device = await adapter.requestDevice({ requiredFeatures: ['shader-f16', 'subgroups'].filter((f) => adapter.features.has(f)) });

function nagaCheck(src) {
  try {
    const m = naga.parseWgsl(src);
    const info = naga.validate(m);
    info.free?.();
    m.free?.();
    return null;
  } catch (e) {
    return (e.formatted || e.message || String(e)).split('\n').slice(0, 6).join('\n');
  }
}

async function tintCheck(src, entry) {
  device.pushErrorScope('validation');
  const sm = device.createShaderModule({ code: src });
  const info = await sm.getCompilationInfo();
  const errs = info.messages.filter((m) => m.type === 'error');
  const scope = await device.popErrorScope();
  if (errs.length) return errs.map((m) => `${m.lineNum}:${m.linePos} ${m.message}`).join('\n');
  if (scope) return scope.message;
  device.pushErrorScope('validation');
  device.createComputePipeline({ layout: 'auto', compute: { module: sm, entryPoint: entry,
    constants: { cw_bx: 64, cw_by: 1, cw_bz: 1 } } });
  const pe = await device.popErrorScope();
  return pe ? pe.message : null;
}

// Each file is emitted as the package would: for a plain adapter, for one
// allowing a single storage buffer (every kernel with two or more packed,
// src/emit/wgsl_pack.c), with double computed as float (f64AsF32), and
// for an adapter with 32-wide subgroups (warp functions as subgroup
// operations; Tint's device then has the 'subgroups' feature).
const variants = [
  { name: 'wgsl', options: '' },
  { name: 'wgsl packed', options: 'max-storage=1' },
  { name: 'wgsl f64-as-f32', options: 'f64-as-f32' },
  { name: 'wgsl subgroups', options: 'subgroups' },
];
const results = [];
for (const v of variants)
for (const f of files) {
  let out;
  try {
    const target = v.options ? `wgsl-json:${v.options}` : 'wgsl-json';
    out = execFileSync(bin, ['transpile', f, '--target', target], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    results.push({ variant: v.name, file: f, kernel: '*', status: 'rejected', why: (e.stderr || e.message).split('\n')[0] });
    continue;
  }
  const mod = JSON.parse(out);
  for (const k of mod.kernels) {
    if (k.error) {
      results.push({ variant: v.name, file: f, kernel: k.name, status: 'rejected', why: `${k.error.line}:${k.error.col}: ${k.error.message}` });
      continue;
    }
    // naga (npm naga-wasm) parses subgroup operations but not yet the
    // `enable subgroups;` directive that Tint requires
    const n = nagaCheck(v.options.includes('subgroups') ? k.wgsl.replace(/^enable subgroups;$/m, '') : k.wgsl);
    const t = await tintCheck(k.wgsl, k.entry);
    results.push({ variant: v.name, file: f, kernel: k.name, status: n || t ? 'invalid' : 'ok', naga: n, tint: t });
  }
}

let anyBad = false;
for (const v of variants) {
  let ok = 0, rej = 0, bad = 0;
  for (const r of results.filter((x) => x.variant === v.name)) {
    const base = r.file.split('/').pop();
    if (r.status === 'ok') ok++;
    else if (r.status === 'rejected') { rej++; if (!v.options) console.log(`rejected ${base} ${r.kernel}: ${r.why}`); }
    else {
      bad++;
      console.log(`INVALID  ${v.options ? `(${v.name}) ` : ''}${base} ${r.kernel}`);
      if (r.naga) console.log(`  naga: ${r.naga.replace(/\n/g, '\n        ')}`);
      if (r.tint) console.log(`  tint: ${r.tint.replace(/\n/g, '\n        ')}`);
    }
  }
  console.log(`${v.name}: ${ok} kernels valid in naga and Tint, ${rej} rejected with a diagnostic, ${bad} invalid`);
  anyBad ||= bad > 0;
}
if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify(results, null, 1));
process.exit(anyBad ? 1 : 0);
