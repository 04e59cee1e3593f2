#!/usr/bin/env bash
# fake_stream_order.sh CUWASM FAKE_DRIVER_DIR — the CUDA runtime's stream
# order on the CUDA backend against the fake driver (tests/fake_driver/
# fake_stream.c), whose asynchronous copies between device and pinned
# memory run only when the host waits for them: a program that copies
# device memory into cudaMallocHost'd memory on four streams, then records
# an event on the legacy default stream and waits for it (as cuda-samples'
# simpleStreams does), must find every byte copied; so must one that waits
# with cudaStreamSynchronize on each stream, and with cudaDeviceSynchronize.
set -u
cuwasm=$(cd "$(dirname "${1:?usage: fake_stream_order.sh CUWASM FAKE_DRIVER_DIR}")" && pwd)/$(basename "$1")
fake=$(cd "${2:?usage: fake_stream_order.sh CUWASM FAKE_DRIVER_DIR}" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
cat > order.cu <<'CU'
#include <cstdio>
#include <cstring>
// how the host waits: 0 an event on the legacy stream, 1 each stream, 2 the device
static int check(const unsigned char *h, size_t n, unsigned char want, const char *how) {
  for (size_t i = 0; i < n; i++)
    if (h[i] != want) {
      printf("%s: byte %zu is %d, want %d\n", how, i, h[i], want);
      return 1;
    }
  return 0;
}
int main() {
  const size_t n = 8u << 20, q = n / 4;
  unsigned char *h, *d;
  cudaStream_t s[4];
  cudaEvent_t stop;
  if (cudaMallocHost(&h, n) || cudaMalloc(&d, n) || cudaEventCreate(&stop)) return 2;
  for (int i = 0; i < 4; i++) cudaStreamCreate(&s[i]);
  int fail = 0;
  for (int how = 0; how < 3; how++) {
    memset(h, 255, n);
    cudaMemset(d, 10 + how, n);
    for (int i = 0; i < 4; i++) cudaMemcpyAsync(h + i * q, d + i * q, q, cudaMemcpyDeviceToHost, s[i]);
    if (how == 0) cudaEventRecord(stop, 0), cudaEventSynchronize(stop);
    if (how == 1) for (int i = 0; i < 4; i++) cudaStreamSynchronize(s[i]);
    if (how == 2) cudaDeviceSynchronize();
    fail |= check(h, n, (unsigned char)(10 + how), how == 0 ? "event on stream 0" : how == 1 ? "each stream" : "device");
  }
  printf("%s\n", fail ? "FAIL" : "ok");
  return fail || cudaGetLastError();
}
CU
"$cuwasm" cc order.cu -o order || exit 1
CUWASM_BACKEND=cuda LD_LIBRARY_PATH="$fake" ./order
