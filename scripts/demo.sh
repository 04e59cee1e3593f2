#!/usr/bin/env bash
# Demo of what cuwasm does today: installs the dependencies (Debian 12),
# builds Release into build/, and runs the main job — an unmodified CUDA
# program, examples/matmul.cu, built and run with `cuwasm run` on the best
# backend here — then checks the examples the way nvcc would and prints
# the KIR (cuwasm's typed kernel IR) of examples/saxpy.cu.
# Usage: bash scripts/demo.sh      (environment: JOBS)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
source scripts/deps.sh
cuwasm_install_deps

echo "=== building (Release) into build/"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j "$(cuwasm_jobs)"

echo
echo "=== cuwasm run examples/matmul.cu   (unmodified CUDA program: host code + kernel)"
build/cuwasm run examples/matmul.cu
echo
echo "=== cuwasm run examples/saxpy.cu"
build/cuwasm run examples/saxpy.cu

for f in examples/*.cu; do
  echo
  echo "=== cuwasm check $f"
  build/cuwasm check "$f"
  echo "ok: $f is valid CUDA for the device pass"
done

echo
echo "=== cuwasm transpile examples/saxpy.cu --target kir"
build/cuwasm transpile examples/saxpy.cu --target kir
