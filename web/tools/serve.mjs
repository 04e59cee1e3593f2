// serve.mjs — serves web/ over HTTP for the demo page (web/demo/) and the
// package's ES modules: `node web/tools/serve.mjs [PORT]` (default 8080),
// then open http://localhost:PORT/demo/.  Static files only, no server
// logic: the compiler runs in the page as WebAssembly.  Pages are served
// cross-origin isolated (COOP/COEP headers), so that the 'wasm' device can
// spread blocks over workers sharing memory (SharedArrayBuffer); serve(port,
// { isolated: false }) leaves the headers out.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.cjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.wasm': 'application/wasm',
  '.cu': 'text/plain', '.png': 'image/png' };

export function serve(port = 8080, { isolated = true } = {}) {
  const isolation = isolated
    ? { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' } : {};
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    let file = path.normalize(path.join(root, decodeURIComponent(url.pathname)));
    if (!file.startsWith(root) || file.includes('node_modules')) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    fs.readFile(file, (err, data) => {
      if (err) { res.writeHead(404).end('not found'); return; }
      res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream', ...isolation }).end(data);
    });
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] ?? 8080);
  await serve(port);
  console.log(`cuwasm demo: http://localhost:${port}/demo/`);
}
