// demo.js — the demo page: pick or paste a kernel, see its diagnostics or
// WGSL, run it on WebGPU with the example's inputs, check the result
// against the example's JS reference, and time the launch.
import { compile, transpile, formatDiagnostic } from '../src/index.js';
import { examples } from './examples.js';

const $ = (id) => document.getElementById(id);
const parseDims = (s) => String(s).split(',').map((x) => Number(x.trim())).filter((x) => x > 0);

function choose(i) {
  const ex = examples[i];
  $('source').value = ex.source;
  $('kernel').value = ex.kernel;
  $('n').value = ex.n;
  $('block').value = [].concat(ex.block).join(',');
  $('grid').value = [].concat(ex.grid(ex.n, [].concat(ex.block)[0])).join(',');
  $('check').textContent = '–';
  $('time').textContent = '–';
}

function showError(e) {
  $('status').textContent = 'error';
  $('status').className = 'bad';
  $('diagnostics').textContent = e.diagnostics ? e.diagnostics.map(formatDiagnostic).join('\n') : String(e.message ?? e);
}

async function showWgsl() {
  $('diagnostics').textContent = '';
  try {
    const t = await transpile($('source').value, { name: 'kernel.cu' });
    $('diagnostics').textContent = t.diagnostics.map(formatDiagnostic).join('\n') || 'no diagnostics';
    $('wgsl').textContent = t.module.kernels.map((k) => k.wgsl ?? `// ${k.name}: ${k.error.message}`).join('\n');
    $('status').textContent = 'compiled';
    $('status').className = 'ok';
  } catch (e) { showError(e); }
}

function compare(out, ref) {
  let maxErr = 0;
  for (let i = 0; i < ref.length; i++)
    maxErr = Math.max(maxErr, Math.abs(out[i] - ref[i]) / Math.max(1, Math.abs(ref[i])));
  return maxErr;
}

async function run() {
  const ex = examples[$('example').value];
  $('status').textContent = 'running…';
  $('status').className = '';
  $('diagnostics').textContent = '';
  try {
    const n = Number($('n').value), block = parseDims($('block').value), grid = parseDims($('grid').value);
    const mod = await compile($('source').value, { name: 'kernel.cu' });
    $('wgsl').textContent = mod.kernels.map((k) => k.wgsl ?? '').join('\n');
    const { args, out, ref } = ex.setup(n, block[0]);
    await mod.launch($('kernel').value, { grid, block, args }); // warm-up: pipeline creation
    const again = ex.setup(n, block[0]);
    const t0 = performance.now();
    await mod.launch($('kernel').value, { grid, block, args: again.args });
    const ms = performance.now() - t0;
    mod.destroy();
    const err = compare(again.out, ref);
    $('time').textContent = `${ms.toFixed(2)} ms (with copies in and out)`;
    $('check').textContent = err < 1e-3 ? `ok (max relative error ${err.toExponential(2)})` : `MISMATCH (max relative error ${err.toExponential(2)})`;
    $('check').className = err < 1e-3 ? 'ok' : 'bad';
    $('output').textContent = Array.from(again.out.slice(0, 8), (v) => v.toFixed(5)).join('  ');
    $('status').textContent = 'done';
    $('status').className = 'ok';
    void out;
  } catch (e) { showError(e); }
}

examples.forEach((ex, i) => $('example').add(new Option(ex.name, i)));
$('example').onchange = () => choose(Number($('example').value));
$('compile').onclick = showWgsl;
$('run').onclick = run;
choose(0);
if (!navigator.gpu) $('status').textContent = 'this browser has no WebGPU (navigator.gpu); WGSL can still be shown';
