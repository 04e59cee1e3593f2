#!/usr/bin/env bash
# Command-line contract of `cuwasm`: --help/--version at every level, exit
# codes (0 ok, 1 compile error or unreadable file, 2 usage error), the
# check options -I/-D/-U/--arch, and transpile's --target/-o.
# Subcommands are discovered from `cuwasm --help`, so new ones are covered.
# Usage: tests/cli/run_cli.sh CUWASM
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$(dirname "$here")/lib.sh"
cuwasm=$(realpath "${1:-}" 2>/dev/null || true)
require_cuwasm "$cuwasm"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0 rc=0

# run ARGS...: runs cuwasm from $tmp, setting rc and $tmp/out, $tmp/err.
run() {
  run_in "$tmp" "$tmp/out" "$tmp/err" "$cuwasm" "$@"
}

# expect DESCRIPTION WANTED_RC [CONDITION...]: records the result of the
# last run; each CONDITION is a shell test that must also hold.
expect() {
  local desc=$1 want=$2 why
  shift 2
  why=$(describe_status "$rc" "$tmp/err")
  local bad=${why:-}
  if [[ -z $bad && $rc -ne $want ]]; then bad="exit $rc, expected $want"; fi
  if [[ -z $bad ]]; then
    local c
    for c in "$@"; do
      if ! eval "$c"; then bad="condition failed: $c"; break; fi
    done
  fi
  if [[ -z $bad ]]; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "FAIL $desc: $bad"
    [[ -s $tmp/out ]] && { echo "  stdout:"; indent "$tmp/out" 10; }
    [[ -s $tmp/err ]] && { echo "  stderr:"; indent "$tmp/err" 10; }
  fi
  return 0
}

out_has() { grep -q -- "$1" "$tmp/out"; }
err_has() { grep -q -- "$1" "$tmp/err"; }

cat >"$tmp/ok.cu" <<'CU'
__global__ void scale(float *x, float a, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) x[i] *= a;
}
CU
cat >"$tmp/drvmissing.cu" <<'CU'
#include <cuda.h>
__global__ void k(int *p) { *p = 1; }
int main() {
  CUmodule m;
  return cuModuleLoad(&m, "k.ptx") != CUDA_SUCCESS;
}
CU
cat >"$tmp/recbar.cu" <<'CU'
__device__ void climb(float *s, int d) {
  if (d == 0) return;
  s[threadIdx.x] += 1.0f;
  __syncthreads();
  climb(s, d - 1);
}
__global__ void k(float *o) { __shared__ float s[64]; climb(s, 3); o[0] = s[0]; }
CU
cat >"$tmp/unloadable.cu" <<'CU'
#include <cstdio>
template <class T> __global__ void k(T *p) { p[0] = __no_such_intrinsic(p[0]); }
int main() {
  cudaError_t e = cudaFuncSetCacheConfig(k<float>, cudaFuncCachePreferL1);
  printf("status %d\n", (int)e);
  return e == cudaSuccess ? 0 : 3;
}
CU
cat >"$tmp/bad.cu" <<'CU'
__global__ void broken(float *x) {
  x[0] = undeclared_name;
}
CU
mkdir -p "$tmp/inc"
echo '#define SCALE_FACTOR 2.0f' >"$tmp/inc/cli_test_header.h"
cat >"$tmp/opts.cu" <<'CU'
#include "cli_test_header.h"
#ifndef NEEDS_D
#error NEEDS_D must be defined with -D
#endif
#if NEEDS_D != 42
#error -D value not seen
#endif
#ifdef MUST_BE_UNDEFINED
#error -U did not remove the macro
#endif
__global__ void k(float *x) { x[0] = SCALE_FACTOR; }
CU
cat >"$tmp/arch.cu" <<'CU'
#if !defined(__CUDA_ARCH__) || __CUDA_ARCH__ != 700
#error expected __CUDA_ARCH__ == 700
#endif
__global__ void k(int *x) { x[0] = __CUDA_ARCH__; }
CU

# ---- top level ----
run --help
expect "cuwasm --help" 0 '[[ -s $tmp/out ]]' 'out_has check'
run --version
expect "cuwasm --version" 0 'out_has cuwasm' 'out_has "[0-9]\.[0-9]"'
run
expect "cuwasm (no arguments)" 2 '[[ -s $tmp/err ]]'
run no-such-command
expect "cuwasm no-such-command" 2 'err_has no-such-command'

# ---- every subcommand listed by --help ----
run --help
subs=$(awk '/^commands:/ {on=1; next} on && /^  [a-z][a-z0-9-]* / {print $1}' "$tmp/out")
if [[ -z $subs ]]; then
  echo "FAIL cuwasm --help lists no commands under 'commands:'"
  fail=$((fail + 1))
fi
for s in $subs; do
  run "$s" --help
  expect "cuwasm $s --help" 0 '[[ -s $tmp/out ]]'
  run "$s" --version
  expect "cuwasm $s --version" 0 'out_has "[0-9]\.[0-9]"'
done

# ---- check ----
if grep -qx check <<<"$subs"; then
  run check ok.cu
  expect "check on a valid kernel" 0 '! err_has "error:"'
  run check bad.cu
  expect "check on an invalid kernel" 1 'err_has "^bad.cu:2:[0-9]*: error: "'
  run check does-not-exist.cu
  expect "check on a missing file" 1 'err_has does-not-exist.cu'
  run check
  expect "check without a file" 2 '[[ -s $tmp/err ]]'
  run check ok.cu --no-such-option
  expect "check with an unknown option" 2 'err_has no-such-option'
  run check opts.cu -I inc -D NEEDS_D=42 -D MUST_BE_UNDEFINED -U MUST_BE_UNDEFINED
  expect "check -I DIR -D X=Y -D X -U X" 0
  run check opts.cu -Iinc -DNEEDS_D=42
  expect "check -IDIR -DX=Y (joined)" 0
  run check opts.cu -I inc
  expect "check without the -D a file needs" 1 'err_has "NEEDS_D must be defined"'
  run check arch.cu --arch sm_70
  expect "check --arch sm_70 sets __CUDA_ARCH__=700" 0
  run check arch.cu
  expect "check without --arch (__CUDA_ARCH__ is 800)" 1 'err_has "expected __CUDA_ARCH__"'
fi

# ---- launch: more kernel arguments than its limit fail, naming it ----
if grep -qx launch <<<"$subs"; then
  many=()
  for _ in $(seq 257); do many+=(i32:1); done
  run launch ok.cu k --grid 1 --block 1 "${many[@]}"
  expect "launch with 257 arguments" 2 'err_has "more than 256 kernel arguments"'
fi

# ---- run: device code that cannot be built says why, at the first API call ----
if grep -qx run <<<"$subs"; then
  run run unloadable.cu
  expect "run: an attribute call on a kernel whose device code does not build" 3 \
    'out_has "status 200"' 'err_has "cannot instantiate k<float>"' 'err_has "__no_such_intrinsic"'
fi

# ---- cc: a driver API function cuwasm lacks fails to compile, naming it ----
if grep -qx cc <<<"$subs"; then
  run cc drvmissing.cu -o drvmissing
  expect "cc: an unimplemented driver API function is a compile error naming it" 1 \
    'err_has "drvmissing.cu:5:.*cuModuleLoad"' \
    'err_has "does not implement the CUDA driver API function cuModuleLoad"' \
    '[[ ! -e $tmp/drvmissing ]]'
fi

# ---- transpile ----
if grep -qx transpile <<<"$subs"; then
  run transpile ok.cu --target kir
  expect "transpile --target kir" 0 '[[ -s $tmp/out ]]' 'out_has scale'
  cp "$tmp/out" "$tmp/stdout.kir"
  run transpile ok.cu --target kir -o out.kir
  expect "transpile -o FILE writes what stdout shows" 0 \
    'cmp -s "$tmp/out.kir" "$tmp/stdout.kir"'
  run transpile bad.cu --target kir
  expect "transpile on an invalid kernel" 1 'err_has "^bad.cu:2:[0-9]*: error: "' '[[ ! -s $tmp/out ]]'
  run transpile ok.cu --target no-such-target
  expect "transpile --target no-such-target" 2 'err_has no-such-target'
  run transpile recbar.cu --target c
  expect "transpile --target c: recursion with a barrier is named, not left undefined" 1 \
    'err_has "^recbar.cu:5:3: error: .climb. calls itself and contains a barrier"'
  run transpile does-not-exist.cu --target kir
  expect "transpile on a missing file" 1 'err_has does-not-exist.cu'
  run cc ok.cu --target no-such-target -o ok
  expect "cc --target no-such-target" 2 'err_has no-such-target'
  run cc ok.cu --target web -o ok.js
  expect "cc --target web writes .mjs or .html" 2 'err_has "APP.mjs or APP.html"' '[[ ! -e $tmp/ok.js ]]'
  run cc ok.cu --target web -c -o ok.o
  expect "cc --target web builds whole programs" 2 'err_has "whole programs"'
fi

echo "$pass passed, $fail failed"
[[ $fail -eq 0 ]]
