// demo_test.mjs — the demo page in headless Chromium (playwright-core,
// /usr/bin/chromium, WebGPU on SwiftShader): serves web/, loads the page,
// runs each example, checks that the page reports a match with the JS
// reference and shows numbers, and saves a screenshot.
//   node tests/web/demo_test.mjs SCREENSHOT.png
// Exit 77 (skip) when playwright-core or Chromium is missing, or when the
// browser offers no WebGPU adapter.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const shot = path.resolve(process.argv[2] ?? 'demo.png');
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

const server = await serve(0);
const port = server.address().port;
const browser = await pw.chromium.launch({
  executablePath: chromium,
  args: ['--enable-unsafe-webgpu', '--enable-features=Vulkan', '--use-vulkan=swiftshader',
    '--use-webgpu-adapter=swiftshader', '--disable-vulkan-surface', '--no-sandbox'],
});
let failed = 0;
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 1300 } });
  page.on('pageerror', (e) => console.log(`page error: ${e.message}`));
  await page.goto(`http://127.0.0.1:${port}/demo/`);
  const hasGPU = await page.evaluate(async () => !!(navigator.gpu && await navigator.gpu.requestAdapter()));
  if (!hasGPU) { console.log('SKIP: headless Chromium has no WebGPU adapter here'); process.exitCode = 77; }
  else {
    const count = await page.locator('#example option').count();
    for (let i = 0; i < count; i++) {
      await page.selectOption('#example', String(i));
      await page.click('#run');
      await page.waitForFunction(() => ['done', 'error'].includes(document.getElementById('status').textContent), null, { timeout: 120000 });
      const check = await page.textContent('#check'), out = await page.textContent('#output');
      const time = await page.textContent('#time'), name = await page.locator('#example option').nth(i).textContent();
      const ok = check.startsWith('ok') && /\d/.test(out);
      if (!ok) failed++;
      console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}: ${check}; ${time}; output ${out.slice(0, 60)}`);
      if (!ok) console.log(await page.textContent('#diagnostics'));
    }
    await page.screenshot({ path: shot, fullPage: true });
    console.log(`screenshot: ${shot}`);
  }
} finally {
  await browser.close();
  server.close();
}
process.exit(process.exitCode === 77 ? 77 : failed ? 1 : 0);
