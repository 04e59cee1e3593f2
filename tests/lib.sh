# tests/lib.sh — helpers shared by the test runner scripts (sourced, not run).
#
# The runners drive the `cuwasm` binary, which may be built with ASan+UBSan.
# Sanitizers report with exit code 1 by default, which is also what `cuwasm
# check` returns for a bad program, so a memory error on an invalid input
# would pass unnoticed.  We move sanitizer reports to a distinct exit code
# and also look for their banners in stderr.

SANITIZER_EXIT=86
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}exitcode=$SANITIZER_EXIT"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}exitcode=$SANITIZER_EXIT:print_stacktrace=1:halt_on_error=1"
export LSAN_OPTIONS="${LSAN_OPTIONS:+$LSAN_OPTIONS:}exitcode=$SANITIZER_EXIT"

# Seconds one cuwasm invocation may take before it counts as a hang.
CUWASM_TIMEOUT="${CUWASM_TIMEOUT:-10}"

# require_cuwasm PATH: fails the test early, with a clear message, when the
# binary under test is missing (e.g. the CLI did not build).
require_cuwasm() {
  if [[ -z "${1:-}" ]]; then
    echo "error: first argument must be the path of the cuwasm binary" >&2
    exit 2
  fi
  if [[ ! -x "$1" ]]; then
    echo "error: cuwasm binary '$1' does not exist or is not executable" >&2
    exit 2
  fi
}

# describe_status RC STDERR_FILE: prints why a run is abnormal (crash,
# timeout, sanitizer report) or nothing when it ended normally.
describe_status() {
  local rc=$1 errfile=$2
  if [[ $rc -eq 124 ]]; then
    echo "timed out after ${CUWASM_TIMEOUT}s"
  elif [[ $rc -ge 128 ]]; then
    echo "crashed (signal $((rc - 128)))"
  elif [[ $rc -eq $SANITIZER_EXIT ]] ||
       grep -qE 'ERROR: (Address|Leak)Sanitizer|runtime error:' "$errfile" 2>/dev/null; then
    echo "sanitizer report (exit $rc)"
  fi
}

# indent FILE [MAX_LINES]: prints a file's first lines indented by four spaces.
indent() {
  head -n "${2:-40}" "$1" | sed 's/^/    /'
}

# run_in DIR OUT ERR CMD...: runs CMD in DIR under the timeout, stdout to
# OUT and stderr to ERR, and sets the global `rc` to its exit status.  The
# outer redirection keeps bash's own "Aborted (core dumped)" notices out of
# the log; describe_status reports crashes instead.
run_in() {
  local dir=$1 out=$2 err=$3
  shift 3
  rc=0
  { (cd "$dir" && exec timeout "$CUWASM_TIMEOUT" "$@") >"$out" 2>"$err" || rc=$?; } 2>/dev/null
}
