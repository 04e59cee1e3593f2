// compiler.js — the cuwasm compiler, built to WebAssembly by
// web/wasm/build.sh, loaded once per page or process.  compileToWgsl()
// writes the source and headers into the compiler's in-memory file system
// and returns its JSON answer: diagnostics plus, unless the front end
// failed, each kernel's WGSL module and bindings (src/emit/wgsl_meta.c).

let compilerPromise = null;
let seq = 0;

const isNode = typeof process !== 'undefined' && !!process.versions?.node;

async function loadFactory() {
  if (isNode) {
    const { createRequire } = await import('node:module');
    return createRequire(import.meta.url)('../dist/cuwasm-compiler.cjs');
  }
  const url = new URL('../dist/cuwasm-compiler.cjs', import.meta.url);
  const text = await (await fetch(url)).text();
  const module = { exports: {} };
  new Function('module', 'exports', text)(module, module.exports);
  return module.exports;
}

export function loadCompiler() {
  if (!compilerPromise) {
    compilerPromise = loadFactory().then((factory) =>
      factory({
        print: () => {},
        printErr: () => {},
        preRun: [(m) => { m.ENV.CUWASM_INCLUDE_DIR = '/cuda'; }],
      }));
  }
  return compilerPromise;
}

function mkdirs(FS, path) {
  const parts = path.split('/').filter(Boolean);
  let cur = '';
  for (const p of parts.slice(0, -1)) {
    cur += '/' + p;
    try { FS.mkdir(cur); } catch { /* exists */ }
  }
}

// -> {diagnostics: [{file, line, col, severity, message}], module: {kernels} | null}
// wgslOptions: "f64-as-f32", "subgroups", "max-storage=N", comma-separated
// (src/emit/emit.h).
export async function compileToWgsl(source, { name = 'kernel.cu', defines = {}, headers = {}, instances = [], wgslOptions = '' } = {}) {
  const M = await loadCompiler();
  const dir = `/src${++seq}`;
  M.FS.mkdir(dir);
  for (const [h, text] of Object.entries(headers)) {
    mkdirs(M.FS, `${dir}/${h}`);
    M.FS.writeFile(`${dir}/${h}`, text);
  }
  const path = `${dir}/${name}`;
  mkdirs(M.FS, path);
  M.FS.writeFile(path, source);
  const defs = Object.entries(defines).map(([k, v]) => (v === undefined || v === null ? k : `${k}=${v}`)).join('\n');
  const ptr = M.ccall('cw_wasm_compile', 'number', ['string', 'string', 'string', 'string'],
    [path, defs, instances.join('\n'), wgslOptions]);
  const text = M.UTF8ToString(ptr);
  M._cw_wasm_free(ptr);
  const out = JSON.parse(text);
  for (const d of out.diagnostics) if (d.file.startsWith(dir + '/')) d.file = d.file.slice(dir.length + 1);
  for (const k of out.module?.kernels ?? []) {
    if (k.error && k.error.file.startsWith(dir + '/')) k.error.file = k.error.file.slice(dir.length + 1);
    for (const a of k.debug?.asserts ?? []) if (a.file.startsWith(dir + '/')) a.file = a.file.slice(dir.length + 1);
  }
  return out;
}

// The same source through the WebAssembly target (src/emit/wasm.c):
// -> {diagnostics, binary: Uint8Array | null}; kernels the target rejects
// are listed with their diagnostic in the module's own metadata.
export async function compileToWasmModule(source, { name = 'kernel.cu', defines = {}, headers = {}, instances = [] } = {}) {
  const M = await loadCompiler();
  const dir = `/src${++seq}`;
  M.FS.mkdir(dir);
  for (const [h, text] of Object.entries(headers)) {
    mkdirs(M.FS, `${dir}/${h}`);
    M.FS.writeFile(`${dir}/${h}`, text);
  }
  const path = `${dir}/${name}`, out = `${dir}/.module.wasm`;
  mkdirs(M.FS, path);
  M.FS.writeFile(path, source);
  const defs = Object.entries(defines).map(([k, v]) => (v === undefined || v === null ? k : `${k}=${v}`)).join('\n');
  const ptr = M.ccall('cw_wasm_compile_module', 'number', ['string', 'string', 'string', 'string'],
    [path, defs, instances.join('\n'), out]);
  const text = M.UTF8ToString(ptr);
  M._cw_wasm_free(ptr);
  const answer = JSON.parse(text);
  for (const d of answer.diagnostics) if (d.file.startsWith(dir + '/')) d.file = d.file.slice(dir.length + 1);
  const binary = answer.module ? M.FS.readFile(out) : null;
  return { diagnostics: answer.diagnostics, binary, prefix: dir + '/' };
}

export function formatDiagnostic(d) {
  return `${d.file}:${d.line}:${d.col}: ${d.severity ?? 'error'}: ${d.message}`;
}
