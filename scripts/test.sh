#!/usr/bin/env bash
# Builds cuwasm and runs every test: installs the dependencies (Debian 12),
# builds Release with -Werror into build/ and runs ctest; builds with
# ASan+UBSan into build-asan/ and runs ctest there; runs the runtime's
# concurrency tests under TSan (build-tsan/); runs each libFuzzer
# target for FUZZ_SECONDS (default 60).  Every stage runs even if an
# earlier one failed; the summary at the end lists the failures and the
# exit status is non-zero if any stage failed.
# Usage: bash scripts/test.sh      (environment: JOBS, FUZZ_SECONDS)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
source scripts/deps.sh
cuwasm_install_deps
cuwasm_install_web_deps
jobs=$(cuwasm_jobs)
fuzz_seconds=${FUZZ_SECONDS:-60}

failed=()
# stage NAME CMD...: runs one step, timing it and recording a failure.
stage() {
  local name=$1 t0=$SECONDS rc=0
  shift
  echo
  echo "=== $name"
  "$@" || rc=$?
  echo "=== $name: $([[ $rc -eq 0 ]] && echo ok || echo "FAILED (exit $rc)") in $((SECONDS - t0))s"
  [[ $rc -eq 0 ]] || failed+=("$name")
  return "$rc"
}

if stage "release build" bash -c "cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DCUWASM_WERROR=ON &&
                                  cmake --build build -j $jobs"; then
  stage "release tests" ctest --test-dir build --output-on-failure -j "$jobs" || true
fi

# Skipped here: the nvcc tests (they do not run cuwasm, so the release run
# covers them) and the web tests (Node and Dawn, not our C; the release
# run covers them; web_programs_* build with emscripten, minutes more), and
# the SwiftShader run of the Vulkan suite (lavapipe's covers the runtime's
# C under the sanitizers); realworld, sanitizer_checks and build_systems are
# registered for the release build only (tests/CMakeLists.txt).
if stage "asan build" bash -c "cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo \
                                 -DCUWASM_SANITIZE=ON &&
                               cmake --build build-asan -j $jobs"; then
  stage "asan tests" ctest --test-dir build-asan --output-on-failure -j "$jobs" \
    -E '^(nvcc_accepts_kernels|programs_nvcc|web_(validate|kernels|api|demo)|web_programs_(programs|webgpu|page)|vulkan_swiftshader_kernels)$' || true
fi

# ThreadSanitizer over the runtime's concurrency: the thread pool, streams,
# atomics and barriers (the stress test), every kernel with a C
# reference, and the CUDA backend's staged copies from two host threads
# (against the fake driver).  The JIT-compiled kernels themselves are not instrumented.
if stage "tsan build" bash -c "cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo \
                                 -DCUWASM_TSAN=ON &&
                               cmake --build build-tsan -j $jobs --target test_cpu_stress \
                                 test_cpu_runtime run_exec cuwasm_cli cuda_staging_check"; then
  stage "tsan tests" env TSAN_OPTIONS=halt_on_error=1 ctest --test-dir build-tsan \
    --output-on-failure -R '^(test_cpu_stress|test_cpu_runtime|exec_kernels|unit_cuda_staging)$' || true
fi

stage "fuzz (${fuzz_seconds}s per target)" env JOBS="$jobs" \
  bash tests/fuzz/run_fuzz.sh "$fuzz_seconds" || true

echo
if [[ ${#failed[@]} -eq 0 ]]; then
  echo "all stages passed in ${SECONDS}s"
else
  echo "FAILED stages: $(IFS=,; echo "${failed[*]}") (${SECONDS}s)"
  exit 1
fi
