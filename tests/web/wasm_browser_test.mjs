// wasm_browser_test.mjs — the package's 'wasm' device in headless Chromium
// (playwright-core, /usr/bin/chromium, no WebGPU needed): on a
// cross-origin isolated page (web/tools/serve.mjs's COOP/COEP headers) the
// blocks run on 4 Web Workers sharing the module's memory, and atomics
// across blocks are exact; on a page that is not isolated there is no
// SharedArrayBuffer and the same launch runs on the page's thread.
//   node tests/web/wasm_browser_test.mjs
// Exit 77 (skip) when playwright-core or Chromium is missing.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium';
let pw, serve;
try {
  pw = await import(path.join(here, '../../web/node_modules/playwright-core/index.mjs'));
  ({ serve } = await import('../../web/tools/serve.mjs'));
} catch (e) {
  console.log(`SKIP: playwright-core missing (npm ci in web/): ${e.message}`);
  process.exit(77);
}
if (!fs.existsSync(chromium)) { console.log(`SKIP: no Chromium at ${chromium}`); process.exit(77); }

const src = `
__global__ void count(unsigned* c, float* f, int* mx) {
  atomicAdd(c, 1u);
  atomicAdd(f, 1.0f);
  atomicMax(mx, blockIdx.x * blockDim.x + threadIdx.x);
  if (threadIdx.x == 0 && blockIdx.x == 7) printf("block %d of %d\\n", blockIdx.x, gridDim.x);
}`;
const blocks = 200, threads = 64, n = blocks * threads;

const browser = await pw.chromium.launch({ executablePath: chromium, args: ['--no-sandbox'] });
let failed = 0;
try {
  for (const isolated of [true, false]) {
    const server = await serve(0, { isolated });
    try {
      const page = await browser.newPage();
      page.on('pageerror', (e) => console.log(`page error: ${e.message}`));
      await page.goto(`http://127.0.0.1:${server.address().port}/demo/`);
      const r = await page.evaluate(async ({ src, blocks, threads }) => {
        const { compile } = await import('/src/index.js');
        const printed = [];
        const mod = await compile(src, { name: 'count.cu', device: 'wasm', workers: 4, print: (t) => printed.push(t) });
        const c = new Uint32Array(1), f = new Float32Array(1), mx = new Int32Array(1);
        await mod.launch('count', { grid: [blocks], block: [threads], args: [c, f, mx] });
        const shared = mod.memory.buffer instanceof (globalThis.SharedArrayBuffer ?? ArrayBuffer) && !!globalThis.SharedArrayBuffer;
        mod.destroy();
        return { isolated: crossOriginIsolated, threads: mod.threads, shared, c: c[0], f: f[0], mx: mx[0], printed };
      }, { src, blocks, threads });
      const want = { isolated, threads: isolated ? 4 : 1, shared: isolated, c: n, f: n, mx: n - 1, printed: [`block 7 of ${blocks}\n`] };
      const ok = JSON.stringify(r) === JSON.stringify(want);
      if (!ok) failed++;
      console.log(`${ok ? 'ok  ' : 'FAIL'} ${isolated ? 'cross-origin isolated' : 'not isolated'}: ${JSON.stringify(r)}${ok ? '' : ` (want ${JSON.stringify(want)})`}`);
      await page.close();
    } finally {
      server.close();
    }
  }
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
