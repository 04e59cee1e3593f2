#!/usr/bin/env bash
# run_swiftshader_suite.sh CUWASM [ARGS...] — the Vulkan suite
# (run_vulkan_suite.sh, same ARGS) on SwiftShader, the CPU Vulkan driver
# Chromium ships.  SwiftShader has no shaderInt64, shaderFloat64, 8/16-bit
# storage or 32-wide subgroups, so it is the suite's check of the shaders
# written for such devices (addresses as uvec2 pairs, src/emit/glsl_addr.c)
# and of the diagnostics for what they cannot run.  SWIFTSHADER_ICD names
# the driver's manifest (default: Debian's chromium package).  Exits 77
# (CTest skip) with the reason when it is not installed.
set -u
icd=${SWIFTSHADER_ICD:-/usr/lib/chromium/vk_swiftshader_icd.json}
if [ ! -r "$icd" ]; then
  echo "SKIP: no SwiftShader Vulkan driver at $icd (Debian: apt install chromium)"
  exit 77
fi
export VK_ICD_FILENAMES=$icd VK_DRIVER_FILES=$icd
line=$("${1:?usage: run_swiftshader_suite.sh CUWASM [ARGS...]}" devices | grep '^vulkan')
if ! grep -q 'SwiftShader' <<<"$line"; then
  echo "SKIP: the Vulkan loader did not load SwiftShader from $icd: $line"
  exit 77
fi
# step 1's modules (transpile --target spirv, spirv-val) are then the ones
# written for this device: addresses and 64-bit integers as pairs, 8/16-bit
# values in words, halves in floats
export CUWASM_GLSL_LACKS=int64,float64,int8,int16,float16
# launch lines SwiftShader's own compiler cannot take (with the reason)
export VK_SUITE_SKIP="$(cd "$(dirname "$0")" && pwd)/swiftshader_skip.txt"
exec bash "$(dirname "$0")/run_vulkan_suite.sh" "$@"
