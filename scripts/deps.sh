# scripts/deps.sh — installs what building and testing cuwasm needs on
# Debian 12 (sourced by scripts/test.sh, scripts/demo.sh and .ci/run).
#
# cuwasm_install_deps: apt-get installs the missing packages (one `apt-get
# update`, only when something is missing).  Without root it installs
# nothing and says what is missing, so a developer's machine is never
# touched behind their back.

CUWASM_DEPS=(
  build-essential   # gcc, make, libc headers
  cmake             # >= 3.20
  clang-14          # libFuzzer targets (tests/fuzz)
  libclang-rt-14-dev  # libFuzzer and sanitizer runtimes for clang-14
  pocl-opencl-icd   # OpenCL on the CPU: the peer in bench/cpu
  ocl-icd-libopencl1
  libopenblas0-pthread # OpenBLAS: the SGEMM peer in bench/cpu (dlopen)
  libthrust-dev     # Thrust 1.17: cuwasm cc runs Thrust on the host (its C++/OpenMP system)
  libsleef3         # SLEEF vector math the CPU JIT links when present
  pkg-config        # tests/projects: a C program finds cuwasm through pkg-config
  libvulkan1        # Vulkan loader the Vulkan backend dlopens
  libvulkan-dev     # Vulkan headers (types only; the library is never linked)
  mesa-vulkan-drivers # lavapipe: the CPU Vulkan driver the Vulkan tests run on
  glslang-tools     # glslangValidator: GLSL to SPIR-V for the Vulkan backend
  spirv-tools       # spirv-val checks every emitted module
  vulkan-validationlayers # VK_LAYER_KHRONOS_validation in the Vulkan tests
)

cuwasm_install_deps() {
  local missing=() p
  if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "deps: not a Debian system; make sure these are installed: ${CUWASM_DEPS[*]}" >&2
    return 0
  fi
  for p in "${CUWASM_DEPS[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
      missing+=("$p")
  done
  if [[ ${#missing[@]} -eq 0 ]]; then
    echo "deps: all installed (${CUWASM_DEPS[*]})"
    return 0
  fi
  if [[ $(id -u) -ne 0 ]]; then
    echo "deps: not root, skipping apt-get; missing: ${missing[*]}" >&2
    return 0
  fi
  echo "deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# The WebGPU tests (tests/web, web/): Node and npm, Chromium for its
# SwiftShader Vulkan driver and libvulkan1 (Dawn's adapter on machines
# without a GPU; the Vulkan suite's second driver too, vulkan_swiftshader_kernels) and
# headless runs, emscripten for the compiler in WebAssembly, wabt for
# wasm-validate (the WebAssembly target's modules), binaryen's wasm-opt
# (web builds whose kernels call grid_group::sync; emscripten needs it
# too); then the npm
# packages of web/package-lock.json.  Failures only make those tests skip.
cuwasm_install_web_deps() {
  local missing=() p root
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  if command -v dpkg-query >/dev/null 2>&1; then
    for p in nodejs chromium emscripten binaryen libvulkan1 wabt; do
      dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
        missing+=("$p")
    done
    command -v npm >/dev/null 2>&1 || missing+=(npm)  # nodesource's nodejs bundles npm
  fi
  if [[ ${#missing[@]} -gt 0 && $(id -u) -eq 0 ]]; then
    echo "deps: installing for the web tests: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q --no-install-recommends "${missing[@]}" ||
      echo "deps: apt-get failed; the web tests will skip" >&2
  elif [[ ${#missing[@]} -gt 0 ]]; then
    echo "deps: not root; the web tests need: ${missing[*]}" >&2
  fi
  if command -v npm >/dev/null 2>&1 && [[ ! -d $root/web/node_modules/webgpu ]]; then
    (cd "$root/web" && npm ci --no-audit --no-fund) ||
      echo "deps: npm ci failed in web/; the web tests will skip" >&2
  fi
  return 0
}

# Parallel build jobs: the machine's cores unless JOBS says otherwise.
cuwasm_jobs() {
  echo "${JOBS:-$(nproc 2>/dev/null || echo 2)}"
}
