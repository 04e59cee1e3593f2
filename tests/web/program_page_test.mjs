// program_page_test.mjs — a CUDA program built as a page (`cuwasm cc
// --target web -o X.html`) in headless Chromium (playwright-core,
// /usr/bin/chromium): opens X.html?args=ARGS, waits for the program to
// exit, and checks that the exit status is 0 and that the page shows
// EXPECTED among its output lines.  With BACKEND webgpu, Chromium gets
// WebGPU (on SwiftShader) and the page ?backend=webgpu&verbose=1, and its
// kernels must have run there (the launch count the program prints).
// With BACKEND threads (a page built with --web-threads on), the page is
// served from http://127.0.0.1 with the COOP/COEP headers that make it
// cross-origin isolated, opened with ?threads=2&verbose=1, and its
// launches must have run on the WebAssembly device's 2 threads.
//   node tests/web/program_page_test.mjs X.html ARGS EXPECTED [BACKEND]
// Exit 77 (skip) when playwright-core or Chromium is missing.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const [page_, args, expected, backend] = process.argv.slice(2);
const gpuFlags = ['--enable-unsafe-webgpu', '--enable-features=Vulkan', '--use-vulkan=swiftshader',
  '--use-webgpu-adapter=swiftshader', '--disable-vulkan-surface'];
const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium';
let pw;
try {
  pw = await import(path.join(here, '../../web/node_modules/playwright-core/index.mjs'));
} catch (e) {
  console.log(`SKIP: playwright-core missing (npm ci in web/): ${e.message}`);
  process.exit(77);
}
if (!fs.existsSync(chromium)) { console.log(`SKIP: no Chromium at ${chromium}`); process.exit(77); }

const browser = await pw.chromium.launch({ executablePath: chromium,
  args: ['--no-sandbox', ...(backend === 'webgpu' ? gpuFlags : [])] });
// the page alone, cross-origin isolated
const server = backend === 'threads' ? http.createServer((req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/html', 'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Embedder-Policy': 'require-corp' });
  res.end(fs.readFileSync(page_));
}) : null;
if (server) await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
let ok = false;
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.log(`page error: ${e.message}`));
  const query = backend === 'threads' ? '&threads=2&verbose=1' : backend ? `&backend=${backend}&verbose=1` : '';
  const url = (server ? `http://127.0.0.1:${server.address().port}/${path.basename(page_)}` : pathToFileURL(path.resolve(page_))) +
    `?args=${encodeURIComponent(args)}${query}`;
  await page.goto(url);
  await page.waitForFunction(() => document.body.dataset.status !== undefined, null, { timeout: 120000 });
  const status = await page.evaluate(() => document.body.dataset.status);
  const out = await page.textContent('#out');
  ok = status === '0' && out.split('\n').includes(expected);
  if (backend === 'webgpu') ok &&= /^cuwasm: [1-9]\d* launches on WebGPU/m.test(out);
  if (backend === 'threads') ok &&= /^cuwasm: \d+ launches on the WebAssembly device, [1-9]\d* of them on 2 threads/m.test(out);
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${path.basename(page_)}?args=${args}${backend ? ` on ${backend}` : ''}: exit ${status}, title "${await page.title()}"`);
  console.log(out.trimEnd().split('\n').map((l) => `     ${l}`).join('\n'));
} finally {
  await browser.close();
  server?.close();
}
process.exit(ok ? 0 : 1);
