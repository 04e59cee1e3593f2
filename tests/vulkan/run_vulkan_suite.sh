#!/usr/bin/env bash
# run_vulkan_suite.sh CUWASM [--programs|--only-programs] [FILTER] — the Vulkan backend
# against the CPU backend, on whatever Vulkan device the machine has (in CI:
# lavapipe; VK_ICD_FILENAMES picks another driver, e.g. SwiftShader):
#   1. every kernel of tests/kernels/*.cu is compiled to SPIR-V
#      (`transpile --target spirv`) and each module passes spirv-val;
#   2. every `// launch:` line runs on the CPU backend and on Vulkan (with
#      VK_LAYER_KHRONOS_validation when installed: any report fails the
#      line), and the output buffers are compared with
#      tests/gpu/compare_bins.c (the same per-type tolerances as the CUDA
#      suite);
#   3. with --programs, every program of tests/programs runs through
#      `cuwasm run` with CUWASM_BACKEND=vulkan (--only-programs: only this).
# A launch the Vulkan target refuses with its diagnostic (a construct it
# cannot express, or a device feature it lacks) counts as "unsupported",
# not as a failure; a wrong answer or any other error is a failure.
# Lines listed in known_differences.txt (with the reason) that differ are
# reported as "DIFFERS (known)", not failures.
# VK_SUITE_REFERENCE=cuda compares with the CUDA backend instead of the
# CPU (on a machine with an NVIDIA GPU and its Vulkan driver).
# FILTER (a substring of the file name) limits the kernels.  Exits 77
# (CTest skip) with the reason when there is no Vulkan device or no GLSL
# compiler.
set -u
cw=$(realpath "${1:?usage: run_vulkan_suite.sh CUWASM [--programs] [FILTER]}")
shift
programs=0 kernels=1 filter=
for a in "$@"; do
  case $a in --programs) programs=1 ;; --only-programs) programs=1 kernels=0 ;; *) filter=$a ;; esac
done
root=$(cd "$(dirname "$0")/../.." && pwd)
line=$("$cw" devices | grep '^vulkan')
if ! grep -q '^vulkan: [^u]' <<<"$line" || grep -q '^vulkan: unavailable' <<<"$line"; then
  echo "SKIP: $line"
  exit 77
fi
if ! command -v glslangValidator >/dev/null && ! command -v glslc >/dev/null; then
  echo "SKIP: no GLSL compiler (apt install glslang-tools or glslc)"
  exit 77
fi
echo "$line"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME=${XDG_CACHE_HOME:-$work/cache}
cc -O2 -o "$work/compare_bins" "$root/tests/gpu/compare_bins.c" -lm || exit 1
ref=${VK_SUITE_REFERENCE:-cpu}
pass=0 fail=0 unsup=0 valid=0 invalid=0 known=0
known_why() { grep -F "$1:" "$root/tests/vulkan/known_differences.txt" | head -1 | cut -d: -f2-; }
# VK_SUITE_SKIP names a file of launch lines not to run on this driver
# (same form as known_differences.txt: a driver fault, not ours)
skip_why() { [ -n "${VK_SUITE_SKIP:-}" ] && grep -F "$1:" "$VK_SUITE_SKIP" | head -1 | cut -d: -f2-; }
skipped=0
# refused: a construct or device feature the target lacks, or a device
# limit below CUDA's (SwiftShader: 256 threads a block), each reported
# with CUDA's error and the device's name
refused() { grep -q "cannot run on the Vulkan backend\|cudaErrorNotSupported\|exceeds Vulkan device\|exceed Vulkan device" "$1"; }

for f in "$root"/tests/kernels/*.cu; do
  [ $kernels = 1 ] || break
  [[ -n $filter && $(basename "$f") != *$filter* ]] && continue
  # 1. SPIR-V validity of every kernel the target accepts
  rm -rf "$work/spv"; mkdir -p "$work/spv"
  "$cw" transpile "$f" --target spirv -o "$work/spv/k.spv" >/dev/null 2>"$work/err"
  if grep -q "GLSL to SPIR-V failed" "$work/err"; then
    # the emitter accepted a kernel its GLSL compiler rejects: our bug
    echo "FAIL glslang $(basename "$f"): $(grep -m2 "ERROR" "$work/err" | head -c 300)"; invalid=$((invalid + 1))
  fi
  if command -v spirv-val >/dev/null; then
    for s in "$work"/spv/*.spv; do
      [ -f "$s" ] || continue
      if spirv-val --target-env vulkan1.2 "$s" 2>"$work/err"; then valid=$((valid + 1))
      else echo "FAIL spirv-val $(basename "$f") $(basename "$s"): $(head -c 300 "$work/err")"; invalid=$((invalid + 1)); fi
    done
  fi
  # 2. every launch line, CPU against Vulkan
  n=0
  while IFS= read -r l; do
    n=$((n + 1))
    read -r -a words <<<"${l#// launch: }"
    kernel=${words[0]}
    args=("${words[@]:1}")
    k=0 types=() skip=0
    for a in "${args[@]}"; do
      if [ $skip = 1 ]; then skip=0; continue; fi
      case "$a" in --grid|--block|--shared) skip=1; continue ;; esac
      if [[ "$a" == *"["*"]="* ]]; then types+=("$k:${a%%[*}"); fi
      k=$((k + 1))
    done
    name="$(basename "$f") $kernel #$n"
    if why=$(skip_why "$name") && [ -n "$why" ]; then
      echo "SKIPPED (driver) $name:$why"; skipped=$((skipped + 1)); continue
    fi
    rm -rf "$work/cpu" "$work/vk"; mkdir -p "$work/cpu" "$work/vk"
    if ! "$cw" launch "$f" "$kernel" "${args[@]}" --backend "$ref" --out "$work/cpu" >/dev/null 2>"$work/err"; then
      echo "FAIL $name ($ref: $(head -c 300 "$work/err"))"; fail=$((fail + 1)); continue
    fi
    if ! CUWASM_VULKAN_VALIDATE=1 timeout 300 "$cw" launch "$f" "$kernel" "${args[@]}" --backend vulkan --out "$work/vk" >"$work/out" 2>"$work/err"; then
      if refused "$work/err"; then
        echo "UNSUPPORTED $name: $(grep -m1 -o 'error: .*\|uses .*\|exceeds* .*' "$work/err" | head -c 200)"
        unsup=$((unsup + 1))
      else
        echo "FAIL $name (vulkan: $(head -c 600 "$work/err"))"; fail=$((fail + 1))
      fi
      continue
    fi
    if grep -q "Validation Error\|VUID-" "$work/out" "$work/err"; then
      echo "FAIL $name (validation layer: $(grep -h -m1 "VUID-" "$work/out" "$work/err" | head -c 400))"; fail=$((fail + 1))
    elif "$work/compare_bins" "$work/cpu" "$work/vk" "${types[@]}" 2>"$work/err"; then
      echo "PASS $name"; pass=$((pass + 1))
    elif why=$(known_why "$name") && [ -n "$why" ]; then
      echo "DIFFERS (known) $name:$why"; known=$((known + 1))
    else
      echo "FAIL $name (results differ)"; head -5 "$work/err"; fail=$((fail + 1))
    fi
  done < <(grep '^// launch: ' "$f" || true)
done
[ $kernels = 1 ] && echo "spirv-val: $valid modules valid, $invalid invalid"
[ $kernels = 1 ] && echo "launch lines: $pass match the $ref backend, $unsup unsupported, $known differ (known), $skipped skipped for the driver, $fail failed"

if [ $programs = 1 ]; then
  ppass=0 pfail=0 punsup=0
  for p in "$root"/tests/programs/*.cu; do
    [[ -n $filter && $(basename "$p") != *$filter* ]] && continue
    flags=$(sed -n 's|^// FLAGS: *||p' "$p" | head -1)
    pargs=$(sed -n 's|^// ARGS: *||p' "$p" | head -1)
    # shellcheck disable=SC2086
    if (cd "$(dirname "$p")" && CUWASM_QUIET=1 CUWASM_BACKEND=vulkan timeout 600 "$cw" run "$p" $flags -- $pargs) >"$work/out" 2>&1; then
      echo "PASS program $(basename "$p")"; ppass=$((ppass + 1))
    elif why=$(known_why "program $(basename "$p")") && [ -n "$why" ]; then
      echo "DIFFERS (known) program $(basename "$p"):$why"; punsup=$((punsup + 1))
    elif refused "$work/out"; then
      echo "UNSUPPORTED program $(basename "$p"): $(grep -m1 -o "uses .*\|error: .*" "$work/out" | head -c 200)"; punsup=$((punsup + 1))
    else
      echo "FAIL program $(basename "$p"): $(tail -c 300 "$work/out")"; pfail=$((pfail + 1))
    fi
  done
  echo "programs: $ppass pass, $punsup unsupported or known, $pfail failed"
  fail=$((fail + pfail))
fi
[ $fail = 0 ] && [ $invalid = 0 ]
