// program_page_test.mjs — a CUDA program built as a page (`cuwasm cc
// --target web -o X.html`) in headless Chromium (playwright-core,
// /usr/bin/chromium): opens X.html?args=ARGS, waits for the program to
// exit, and checks that the exit status is 0 and that the page shows
// EXPECTED among its output lines.  With BACKEND webgpu, Chromium gets
// WebGPU (on SwiftShader) and the page ?backend=webgpu&verbose=1, and its
// kernels must have run there (the launch count the program prints).
//   node tests/web/program_page_test.mjs X.html ARGS EXPECTED [BACKEND]
// Exit 77 (skip) when playwright-core or Chromium is missing.
import fs from 'node:fs';
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
let ok = false;
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.log(`page error: ${e.message}`));
  const url = `${pathToFileURL(path.resolve(page_))}?args=${encodeURIComponent(args)}` +
    (backend ? `&backend=${backend}&verbose=1` : '');
  await page.goto(url);
  await page.waitForFunction(() => document.body.dataset.status !== undefined, null, { timeout: 120000 });
  const status = await page.evaluate(() => document.body.dataset.status);
  const out = await page.textContent('#out');
  ok = status === '0' && out.split('\n').includes(expected);
  if (backend === 'webgpu') ok &&= /^cuwasm: [1-9]\d* launches on WebGPU/m.test(out);
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${path.basename(page_)}?args=${args}${backend ? ` on ${backend}` : ''}: exit ${status}, title "${await page.title()}"`);
  console.log(out.trimEnd().split('\n').map((l) => `     ${l}`).join('\n'));
} finally {
  await browser.close();
}
process.exit(ok ? 0 : 1);
