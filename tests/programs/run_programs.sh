#!/usr/bin/env bash
# run_programs.sh CUWASM [--target web] — builds and runs every
# self-checking program of tests/programs through `CUWASM run`: each
# top-level .cu file is one program; each subfolder is one program made of
# all its .cu/.c/.cpp files.  A program's main file may carry
# `// FLAGS: ...` (extra cuwasm cc flags) and `// ARGS: ...` (its command
# line).  A program passes when it exits 0.  With --target web each is
# built for the web and run in Node (`cuwasm run --target web`), except
# those web_excluded.txt lists with the host-side reason.
# Where NVRTC is installed (and NVRTC_CHECK is not 0), each translation
# unit a native program compiles also goes through the CUDA backend's
# NVRTC path for sm_90 (CUWASM_NVRTC_CHECK, src/compat/nvrtc_probe.c,
# with the kernel templates its host code launches), and NVRTC rejecting
# one fails the program: what a GPU machine would compile, checked here.
# With AOT_ARCH=sm_XX each program is also built with -arch=sm_XX, so
# `cuwasm cc` compiles its cubins ahead of time (tools/cuwasm/cc_aot.c),
# and every translation unit NVRTC passes must have found its embedded
# cubin ("EMBEDDED sm_XX" in the probe, for CUWASM_NVRTC_ARCH=sm_XX) and
# PTX ("EMBEDDED compute_XX", which -arch=sm_XX embeds as nvcc does): the
# CUDA backend would start it without NVRTC.
# Prints "N passed, N failed" and exits non-zero when any failed.
set -u
cuwasm=${1:?usage: run_programs.sh CUWASM [--target web]}
target=${3:-}
[ "${2:-}" = "--target" ] || target=
here=$(cd "$(dirname "$0")" && pwd)
pass=0 fail=0 skipped=0 failed=()
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
nvrtc=
if [ -z "$target" ] && [ "${NVRTC_CHECK:-1}" != 0 ]; then
  echo '__global__ void k(int *p) { *p = 1; }' > "$scratch/k.cu"
  if "$cuwasm" check --nvrtc "$scratch/k.cu" 2> /dev/null; then nvrtc=1
  else echo "note: no NVRTC check of the device sources (NVRTC missing)"; fi
fi
if [ -n "${AOT_ARCH:-}" ] && [ -z "$nvrtc" ]; then
  echo "SKIP: AOT_ARCH=$AOT_ARCH needs NVRTC (cubins ahead of time, and the probe that finds them)"
  exit 77
fi

excluded() { # excluded NAME: listed in web_excluded.txt (web target only)
  [ "$target" = web ] && grep -q "^$1[[:space:]]" "$here/web_excluded.txt"
}

meta() { # meta FILE KEY
  sed -n "s|^// $2: *||p; s|^/\* $2: *\(.*\) \*/|\1|p" "$1" | head -1
}

run_one() { # run_one NAME MAINFILE FILES...
  local name=$1 main=$2; shift 2
  local flags args log
  if excluded "$name"; then
    skipped=$((skipped + 1))
    echo "skip $name ($(sed -n "s/^$name[[:space:]]*//p" "$here/web_excluded.txt"))"
    return
  fi
  flags=$(meta "$main" FLAGS)${AOT_ARCH:+ -arch=$AOT_ARCH}
  args=$(meta "$main" ARGS)
  local probe=$scratch/$name.nvrtc
  rm -f "$probe"
  log=$(CUWASM_NVRTC_CHECK=${nvrtc:+$probe} CUWASM_NVRTC_ARCH=${AOT_ARCH:-sm_90} CUWASM_QUIET=1 timeout 600 "$cuwasm" run ${target:+--target $target} "$@" $flags -- $args 2>&1)
  local rc=$?
  if [ $rc -eq 0 ] && [ -n "$nvrtc" ] && grep -q '^FAIL' "$probe" 2> /dev/null; then
    log="NVRTC rejects the device source the CUDA backend would compile:
$(head -40 "$probe")"
    rc=1
  fi
  if [ $rc -eq 0 ] && [ -n "$nvrtc" ] && [ -n "${AOT_ARCH:-}" ]; then
    local tu missing=
    while read -r tu; do
      grep -qxF "EMBEDDED $AOT_ARCH $tu" "$probe" || missing="$missing $tu"
      grep -qxF "EMBEDDED compute_${AOT_ARCH#sm_} $tu" "$probe" || missing="$missing $tu(PTX)"
    done < <(sed -n 's/^PASS //p' "$probe")
    if [ -n "$missing" ]; then
      log="no embedded $AOT_ARCH cubin or PTX matches what the CUDA backend would compile for:$missing"
      rc=1
    fi
  fi
  if [ $rc -eq 0 ]; then
    pass=$((pass + 1))
    echo "ok   $name"
  else
    fail=$((fail + 1))
    failed+=("$name")
    echo "FAIL $name (exit $rc)"
    printf '%s\n' "$log" | tail -15 | sed 's/^/     /'
  fi
}

for f in "$here"/*.cu; do
  run_one "$(basename "$f" .cu)" "$f" "$f"
done
for d in "$here"/*/; do
  files=$(ls "$d"*.cu "$d"*.c "$d"*.cpp 2>/dev/null)
  [ -n "$files" ] || continue
  main=$(ls "$d"main.* 2>/dev/null | head -1)
  run_one "$(basename "$d")" "${main:-${files%%$'\n'*}}" $files
done

echo "$pass passed, $fail failed${target:+, $skipped excluded for --target $target}"
[ $fail -eq 0 ]
