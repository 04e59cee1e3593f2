/*
 * cc_web_output.c — what `cuwasm cc --target web` writes (cc_web.c builds
 * the parts): APP.mjs, one ES module holding emscripten's output (the host
 * wasm inside it), each translation unit's kernel module in base64 and its
 * kernels' WGSL (JSON), web/src/program.js and what it imports as data:
 * URL modules (so that
 * nothing is fetched) and the lines that run main with the command line
 * (Node) and set the exit status; or APP.html, a page holding that module,
 * which shows stdout and stderr, takes the command line from ?args=…, the
 * backend from ?backend=…, CUWASM_VERBOSE from ?verbose=… and
 * CUWASM_THREADS from ?threads=…, and puts the exit status in its title and
 * in document.body.dataset.status.
 */
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "cc_internal.h"

static void base64(StrBuf *sb, const unsigned char *p, size_t n) {
  static const char tab[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  for (size_t i = 0; i < n; i += 3) {
    unsigned v = (unsigned)p[i] << 16 | (i + 1 < n ? (unsigned)p[i + 1] << 8 : 0) |
                 (i + 2 < n ? p[i + 2] : 0);
    char q[4] = {tab[v >> 18 & 63], tab[v >> 12 & 63], i + 1 < n ? tab[v >> 6 & 63] : '=',
                 i + 2 < n ? tab[v & 63] : '='};
    sb_putn(sb, q, 4);
  }
}

/* A file of the package (web/src) as a data: URL module.  A data: URL
 * has no folder for relative imports to resolve against, so each static
 * `from './X.js'` in it becomes X's own data: URL first (the package's
 * modules import each other at most a few levels deep). */
static bool data_module(StrBuf *sb, const char *name) {
  char path[PATH_MAX];
  snprintf(path, sizeof path, "%s/web/src/%s", CUWASM_SOURCE_DIR, name);
  size_t n;
  char *text = cw_read_file(path, &n);
  if (!text) {
    fprintf(stderr, "cuwasm cc: cannot read %s\n", path);
    return false;
  }
  StrBuf body;
  sb_init(&body);
  bool ok = true;
  const char *at = text, *end = text + n;
  for (const char *imp; ok && (imp = strstr(at, "from './")) && imp < end;) {
    const char *spec = imp + 8, *close = strchr(spec, '\'');
    if (!close || close - spec >= 64) break;
    char dep[64];
    snprintf(dep, sizeof dep, "%.*s", (int)(close - spec), spec);
    sb_putn(&body, at, (size_t)(imp - at));
    sb_puts(&body, "from ");
    ok = data_module(&body, dep);
    at = close + 1;
  }
  sb_putn(&body, at, (size_t)(end - at));
  free(text);
  if (ok) {
    sb_puts(sb, "'data:text/javascript;base64,");
    base64(sb, (const unsigned char *)body.data, body.len);
    sb_puts(sb, "'");
  }
  sb_free(&body);
  return ok;
}

/* The ES module: emscripten's output, the kernels, the runtime, and the
 * lines that run main. */
char *cc_web_module(const unsigned char *const *wasm, const size_t *wasm_len,
                    const char *const *wgsl, int n, const char *core_path) {
  size_t cn;
  char *core = cw_read_file(core_path, &cn);
  if (!core) return NULL;
  StrBuf sb;
  sb_init(&sb);
  sb_puts(&sb,
          "// Built by `cuwasm cc --target web`: a CUDA program whose host code is\n"
          "// emscripten's and whose kernels run on WebGPU or as WebAssembly (web/src/program.js).\n"
          "// Node: node THIS.mjs ARGS.  A page: import it after setting\n"
          "// globalThis.cuwasmArgs / cuwasmPrint / cuwasmPrintErr (cuwasm cc -o X.html does).\n"
          "const cuwasmIsNode = typeof process === 'object' && !!process.versions?.node;\n"
          "const require = cuwasmIsNode ? (await import('module')).createRequire(import.meta.url) : undefined;\n"
          "const __dirname = cuwasmIsNode ? require('path').dirname(require('url').fileURLToPath(import.meta.url)) : '';\n"
          "const __filename = cuwasmIsNode ? require('url').fileURLToPath(import.meta.url) : '';\n"
          /* stdout closed by its reader (`| head`): end quietly, with the
           * status a native program killed by SIGPIPE has */
          "if (cuwasmIsNode) process.stdout.on('error', (e) => { if (e.code !== 'EPIPE') throw e; process.exit(141); });\n");
  sb_putn(&sb, core, cn);
  free(core);
  sb_puts(&sb, "\nconst cuwasmKernels = [\n");
  for (int i = 0; i < n; i++) {
    sb_puts(&sb, "  '");
    base64(&sb, wasm[i], wasm_len[i]);
    sb_puts(&sb, "',\n");
  }
  sb_puts(&sb, "];\nconst cuwasmShaders = [\n");
  for (int i = 0; i < n; i++) { /* JSON is a JavaScript expression */
    sb_puts(&sb, "  ");
    sb_puts(&sb, wgsl[i]);
    sb_puts(&sb, ",\n");
  }
  sb_puts(&sb, "];\nconst cuwasmWasmJs = await import(");
  bool ok = data_module(&sb, "wasm.js");
  sb_puts(&sb, ");\nconst { runProgram } = await import(");
  ok = ok && data_module(&sb, "program.js");
  /* the WebAssembly device's worker script (web/src/wasm_pool.js) */
  sb_puts(&sb, ");\nconst cuwasmWorkerUrl = ");
  ok = ok && data_module(&sb, "wasm_worker.js");
  sb_puts(&sb,
          ";\n"
          "const cuwasmStatus = await runProgram({\n"
          "  factory: cuwasmProgram, wasmjs: cuwasmWasmJs, kernels: cuwasmKernels, shaders: cuwasmShaders,\n"
          "  workerUrl: cuwasmWorkerUrl,\n"
          /* Node: npm's webgpu (Dawn) next to the program or on NODE_PATH */
          "  importWebGPU: cuwasmIsNode ? (async () => { try { return await import('webgpu'); } catch {\n"
          "    return import(require('url').pathToFileURL(require.resolve('webgpu')).href); } }) : null,\n"
          "  env: cuwasmIsNode ? process.env : (globalThis.cuwasmEnv ?? {}),\n"
          "  args: globalThis.cuwasmArgs ?? (cuwasmIsNode ? process.argv.slice(2) : []),\n"
          "  print: globalThis.cuwasmPrint ?? ((t) => (cuwasmIsNode ? process.stdout.write(t + '\\n') : console.log(t))),\n"
          "  printErr: globalThis.cuwasmPrintErr ?? ((t) => (cuwasmIsNode ? process.stderr.write(t + '\\n') : console.error(t))),\n"
          "});\n"
          "if (cuwasmIsNode && !globalThis.cuwasmArgs) process.exitCode = cuwasmStatus;\n"
          "export default cuwasmStatus;\n");
  if (!ok) {
    sb_free(&sb);
    return NULL;
  }
  return sb_take(&sb);
}

/* The page: stdout and stderr in a <pre>, the command line from ?args=,
 * the exit status in the title and in data-status (tests read it). */
char *cc_web_page(const char *module, const char *title) {
  StrBuf sb;
  sb_init(&sb);
  sb_puts(&sb, "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>");
  sb_puts(&sb, title);
  sb_puts(&sb,
          "</title>\n<style>body{font:14px monospace;margin:1em}pre{white-space:pre-wrap}"
          ".err{color:#b00}</style></head>\n<body>\n<pre id=\"out\"></pre>\n"
          "<script type=\"module\">\n"
          "const out = document.getElementById('out');\n"
          "const line = (t, cls) => { const s = document.createElement('span'); if (cls) s.className = cls;"
          " s.textContent = t + '\\n'; out.append(s); };\n"
          "const q = new URLSearchParams(location.search).get('args');\n"
          "globalThis.cuwasmArgs = q ? q.split(' ').filter((a) => a) : [];\n"
          /* ?backend=webgpu|wasm|auto, ?verbose=1, ?threads=N: CUWASM_BACKEND, CUWASM_VERBOSE,
           * CUWASM_THREADS */
          "const query = new URLSearchParams(location.search);\n"
          "globalThis.cuwasmEnv = {};\n"
          "if (query.get('backend')) cuwasmEnv.CUWASM_BACKEND = query.get('backend');\n"
          "if (query.get('verbose')) cuwasmEnv.CUWASM_VERBOSE = query.get('verbose');\n"
          "if (query.get('threads')) cuwasmEnv.CUWASM_THREADS = query.get('threads');\n"
          "globalThis.cuwasmPrint = (t) => line(t);\n"
          "globalThis.cuwasmPrintErr = (t) => line(t, 'err');\n"
          "const url = URL.createObjectURL(new Blob([document.getElementById('program').textContent],"
          " { type: 'text/javascript' }));\n"
          "try {\n"
          "  const status = (await import(url)).default;\n"
          "  document.body.dataset.status = status;\n"
          "  document.title += ` (exit ${status})`;\n"
          "} catch (e) { line(String(e.stack ?? e), 'err'); document.body.dataset.status = 'error'; }\n"
          "</script>\n<script type=\"text/plain\" id=\"program\">");
  for (const char *p = module; *p; p++) { /* no "</script" inside the element */
    if (p[0] == '<' && p[1] == '/') sb_puts(&sb, "<\\/");
    else sb_putc(&sb, *p);
    if (p[0] == '<' && p[1] == '/') p++;
  }
  sb_puts(&sb, "</script>\n</body></html>\n");
  return sb_take(&sb);
}

