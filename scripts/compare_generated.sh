#!/usr/bin/env bash
# compare_generated.sh — what a change to the emitters or the KIR passes
# does to generated code: every file of the corpora (bench/cpu/kernels.cu,
# tests/programs, tests/kernels, tests/web/wasm_kernels, tests/golden/c)
# through two cuwasm binaries, as C, as kir-threads (the barrier-fission
# pass) and as WebAssembly, each output compared byte for byte.
#   scripts/compare_generated.sh OLD_CUWASM NEW_CUWASM [OUTDIR]
# Prints the files that differ and a count per kind; OUTDIR (default a
# temporary folder, removed) keeps old/ and new/ for diffing by hand.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
old=$(realpath "${1:?usage: compare_generated.sh OLD_CUWASM NEW_CUWASM [OUTDIR]}")
new=$(realpath "${2:?usage: compare_generated.sh OLD_CUWASM NEW_CUWASM [OUTDIR]}")
out=${3:-}
if [[ -z $out ]]; then out=$(mktemp -d); trap 'rm -rf "$out"' EXIT; fi
dump() { # dump CUWASM DIR
  mkdir -p "$2"
  for f in bench/cpu/kernels.cu tests/programs/*.cu tests/kernels/*.cu tests/web/wasm_kernels/*.cu \
           tests/golden/c/*.cu; do
    [[ -f $f ]] || continue
    n=${f//\//_}
    "$1" transpile --target c "$f" > "$2/$n.c" 2>&1
    "$1" transpile --target kir-threads "$f" > "$2/$n.kt" 2>&1
    "$1" transpile --target wasm "$f" -o "$2/$n.wasm" > "$2/$n.wasm.log" 2>&1
  done
}
cd "$root"
dump "$old" "$out/old"
dump "$new" "$out/new"
for kind in c kt wasm wasm.log; do
  n=0
  for f in "$out"/old/*."$kind"; do
    b=$(basename "$f")
    cmp -s "$f" "$out/new/$b" || { n=$((n + 1)); echo "differs: $b"; }
  done
  echo "$kind: $n differ"
done
