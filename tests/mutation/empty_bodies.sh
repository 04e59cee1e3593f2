#!/usr/bin/env bash
# empty_bodies.sh — shows that every `// launch:` line of tests/kernels/ can
# fail: each kernel file is copied with the body of every __global__
# function emptied (empty_kernels.awk), and run_exec must report FAIL for
# every launch line of the copy.  A line that still passes checks nothing
# its kernel does (its expected output equals its input) and is listed.
#
#   bash tests/mutation/empty_bodies.sh BUILD_DIR [FILE.cu...]
#
# Exits 1 when a line passes with empty kernels or a file cannot be
# processed.  Runs as the CTest `launch_lines_can_fail`.
set -u
build=${1:?usage: empty_bodies.sh BUILD_DIR [FILE.cu...]}
shift
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
run_exec="$build/tests/exec/run_exec"
[ -x "$run_exec" ] || { echo "no $run_exec (build first)"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME="$work/cache"   # emptied modules stay out of the user's cache
files=("$@")
[ ${#files[@]} -gt 0 ] || files=("$root"/tests/kernels/*.cu)
lines=0 caught=0 bad=0
for f in "${files[@]}"; do
  n=$(grep -c '^// launch:' "$f")
  [ "$n" -gt 0 ] || continue
  stem=$(basename "$f" .cu)
  mkdir -p "$work/k"
  rm -f "$work"/k/*.cu
  awk -f "$here/empty_kernels.awk" "$f" >"$work/k/$stem.cu" 2>/dev/null
  out=$("$run_exec" --kernels "$work/k" "$stem:" 2>&1)
  # a module that does not load fails every line but proves nothing
  fails=$(grep "^FAIL $stem:" <<<"$out" | grep -vc "does not load")
  lines=$((lines + n)); caught=$((caught + fails))
  if [ "$fails" -ne "$n" ]; then
    bad=$((bad + 1))
    echo "NOT CAUGHT $stem: $fails of $n launch lines fail with empty kernels"
    grep -e "^ok" -e "^SKIP" -e "does not load" <<<"$out" | sed 's/^/    /'
  fi
done
echo "empty kernels: $caught of $lines launch lines fail; $bad file(s) with lines that cannot fail"
[ "$bad" -eq 0 ]
