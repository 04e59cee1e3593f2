#!/usr/bin/env bash
# run_realworld.sh CUWASM — the real-world corpus as a regression test.
#
# ../shared/realworld (relative to the repository root; REALWORLD
# overrides) holds public CUDA programs kept outside this repository with
# their own runner.  This script runs the programs listed in
# expected_pass.txt through that runner on the CPU backend and fails when
# one of them does not pass, so a program that passed once keeps passing;
# the list grows as programs start to pass.  The programs of
# hardware_dependent.txt run as well and are judged by
# compare_hardware_dependent.sh with the rule given there.  Each program may take
# TIMEOUT seconds (default 300: generous, as a loaded machine and a cold
# JIT cache slow the slowest ones, heartwall and streamPriority, to minutes;
# unloaded, the list runs in about four minutes).  Exits 77 (ctest's skip code)
# with the reason when the corpus is absent.  Where NVRTC is installed, the
# device source of each translation unit must also compile with it, as on
# a GPU machine's CUDA backend (see below).
set -u
cuwasm=${1:?usage: run_realworld.sh CUWASM}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
corpus=${REALWORLD:-$root/../shared/realworld}
if [ ! -x "$corpus/run.sh" ] && [ ! -f "$corpus/run.sh" ]; then
  echo "skipped: no real-world corpus at $corpus (set REALWORLD to its folder)"
  exit 77
fi
names=$(sed 's/#.*//' "$here/expected_pass.txt" | awk 'NF { print $1 }')
[ -n "$names" ] || { echo "expected_pass.txt lists no program"; exit 1; }
# programs whose reference holds what the hardware decides: run them too,
# then judge them by their rule in hardware_dependent.txt
hw_names=$(grep -v '^#' "$here/hardware_dependent.txt" | cut -d'|' -f1 | awk 'NF')
out=${REALWORLD_OUT:-$(mktemp -d -t cuwasm-realworld.XXXXXX)}
# where NVRTC is installed, each translation unit the programs compile also
# goes through the CUDA backend's NVRTC path (CUWASM_NVRTC_CHECK: the
# device source with the kernel templates the host code launches), and
# NVRTC rejecting one fails the test
nvrtc_log=
echo '__global__ void k(int *p) { *p = 1; }' > "$out/nvrtc_probe.cu"
if [ "${NVRTC_CHECK:-1}" != 0 ] && "$cuwasm" check --nvrtc "$out/nvrtc_probe.cu" 2> /dev/null; then
  nvrtc_log=$out/nvrtc.log
  rm -f "$nvrtc_log"
fi
# shellcheck disable=SC2086
CUWASM_NVRTC_CHECK=$nvrtc_log CUWASM_BACKEND=cpu OUT=$out TIMEOUT=${TIMEOUT:-300} \
  bash "$corpus/run.sh" "$cuwasm" $names $hw_names > "$out/run.log" 2>&1
cat "$out/run.log"
bad=0
if [ -n "$nvrtc_log" ]; then
  npass=$(cat "$nvrtc_log" 2> /dev/null | grep -c '^PASS')
  nfail=$(cat "$nvrtc_log" 2> /dev/null | grep -c '^FAIL')
  echo "NVRTC (${CUWASM_NVRTC_ARCH:-sm_90}) on the device sources: $npass translation units compile, $nfail fail"
  if grep -q '^FAIL' "$nvrtc_log" 2> /dev/null; then
    grep -A12 '^FAIL' "$nvrtc_log"
    bad=1
  fi
fi
for n in $names; do
  if ! grep -q -x "PASS $n" "$out/summary.txt" && ! grep -q -x "PASS .*/$n" "$out/summary.txt"; then
    echo "regression: $n was expected to pass (logs in $out)"
    bad=1
  fi
done
bash "$here/compare_hardware_dependent.sh" "$out" || bad=1
[ $bad -eq 0 ] && [ -z "${REALWORLD_OUT:-}" ] && rm -rf "$out"
exit $bad
