#!/usr/bin/env bash
# nvrtc_device_sources.sh CUWASM [NAME...] — the CUDA backend's first step
# for every program of the real-world corpus, without a GPU: each .cu file
# is compiled by our front end with the flags programs.txt gives it (as
# `cuwasm cc` embeds them: its folder, -I, -D, -U, -rdc=true, sm_80 for
# our front end unless -arch says otherwise) and the device source the
# backend would hand NVRTC is compiled with NVRTC for sm_90
# (`cuwasm check --nvrtc`, the backend's own code path).  Files are
# checked in place in the corpus (nothing is written there).  Prints
# PASS/FAIL per program with NVRTC's first error, and exits 1 when one
# fails; 77 (ctest's skip) with the reason when the corpus or NVRTC is
# missing.  NAME (SUITE/NAME or NAME) restricts the run; SHOW=1 prints
# NVRTC's whole log for a failure.
set -u
cuwasm=${1:?usage: nvrtc_device_sources.sh CUWASM [NAME...]}
shift
case $cuwasm in /*) ;; */*) cuwasm=$PWD/$cuwasm ;; esac
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
corpus=${REALWORLD:-$root/../shared/realworld}
if [ ! -f "$corpus/programs.txt" ]; then
  echo "skipped: no real-world corpus at $corpus (set REALWORLD to its folder)"
  exit 77
fi
probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
echo '__global__ void k(int *p) { *p = 1; }' > "$probe/k.cu"
"$cuwasm" check --nvrtc "$probe/k.cu" 2> "$probe/log"
case $? in
  0) ;;
  77) echo "skipped: $(sed 's/^cuwasm check: --nvrtc: //' "$probe/log")"; exit 77 ;;
  *) echo "NVRTC fails on a one-line kernel:"; cat "$probe/log"; exit 1 ;;
esac
sel=("$@")
wanted() {
  [ ${#sel[@]} -eq 0 ] && return 0
  for s in "${sel[@]}"; do [ "$s" = "$1" ] || [ "$s" = "${1#*/}" ] && return 0; done
  return 1
}
pass=0 fail=0
set -f
while IFS='|' read -r name srcs flags _; do
  case $name in ''|'#'*) continue ;; esac
  wanted "$name" || continue
  # the flags cuwasm cc hands the front end; the others are the host's
  args=() rdc=() next=
  for f in $flags; do
    if [ -n "$next" ]; then args+=("$next" "$f"); next=; continue; fi
    case $f in
      -I|-D|-U) next=$f ;;
      -I*|-D*|-U*|-arch=*|--gpu-architecture=*) args+=("$f") ;;
      -rdc=true|-dc) rdc=(-rdc=true) ;;
    esac
  done
  case " ${args[*]-} " in *" -arch="*|*" --gpu-architecture="*) ;; *) args+=(--arch sm_80) ;; esac
  bad=
  for s in $srcs; do
    case $s in *.cu) ;; *) continue ;; esac
    if ! (cd "$corpus/src/$name" && "$cuwasm" check --nvrtc "$s" ${args[@]+"${args[@]}"} \
          ${rdc[@]+"${rdc[@]}"}) > /dev/null 2> "$probe/log"; then
      first=$(grep -m1 -E 'error' "$probe/log" | cut -c1-240)
      bad="$s: ${first:-$(head -n1 "$probe/log")}"
      [ "${SHOW:-0}" = 1 ] && cat "$probe/log"
      break
    fi
  done
  if [ -z "$bad" ]; then echo "PASS $name"; pass=$((pass + 1))
  else echo "FAIL $name ($bad)"; fail=$((fail + 1)); fi
done < "$corpus/programs.txt"
set +f
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
