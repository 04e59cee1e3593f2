// CHECK: memcheck,initcheck (racecheck rightly reports the hand-off: CUDA asks for __syncwarp there)
// Warp-synchronous hand-off without __syncwarp, as older CUDA code writes
// it: the threads of a block decode a hex string together (a strided loop
// in a device function), then thread 0 alone reads the decoded bytes, with
// no barrier between.  CUDA only guarantees this with __syncwarp(); it
// works on GPUs because the warp reconverges after the loop, and the
// bytes thread 0 reads were written by its own warp (lanes 0..31).  Every
// other target makes that reconvergence explicit (src/kir/passes/converge.c).
// A second kernel does the same through __shared__ memory and a pointer
// local, and a third writes and reads only its own elements (no hand-off).
#include "common.h"
#include <cstring>

__device__ void decode_hex(const char *src, int nchars, unsigned char *dst) {
  for (int i = threadIdx.x; i < nchars / 2; i += blockDim.x) {
    char h = src[2 * i], l = src[2 * i + 1];
    int hi = h <= '9' ? h - '0' : h - 'a' + 10, lo = l <= '9' ? l - '0' : l - 'a' + 10;
    dst[i] = (unsigned char)(hi << 4 | lo);
  }
}

__global__ void checksum_global(const char *hex, int nchars, unsigned char *bytes, unsigned *sum) {
  decode_hex(hex, nchars, bytes);
  if (threadIdx.x == 0) {
    unsigned s = 0;
    for (int i = 0; i < nchars / 2; i++) s = s * 31u + bytes[i];
    *sum = s;
  }
}

__global__ void checksum_shared(const unsigned *in, unsigned *sum) {
  __shared__ unsigned words[128]; // one 32-word slice per warp
  unsigned *w = words;
  w[threadIdx.x] = in[threadIdx.x % 32] * 3u;
  int lane = threadIdx.x % 32;
  if (lane == 0) {
    unsigned s = 0;
    for (int i = 0; i < 32; i++) s ^= words[threadIdx.x + i] << (i % 7);
    sum[threadIdx.x / 32] = s;
  }
}

__global__ void own_elements(const unsigned *in, unsigned *out) {
  int i = threadIdx.x;
  out[i] = in[i] + 1u;
  if (i % 2 == 0) out[i] *= 2u;
}

int main() {
  const char hex[] = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
  const int nchars = (int)strlen(hex);
  unsigned want = 0;
  for (int i = 0; i < nchars / 2; i++) want = want * 31u + (unsigned)i;
  char *dhex;
  unsigned char *dbytes;
  unsigned *dsum;
  CHECK(cudaMalloc(&dhex, nchars));
  CHECK(cudaMalloc(&dbytes, nchars / 2));
  CHECK(cudaMalloc(&dsum, 4 * sizeof(unsigned)));
  CHECK(cudaMemcpy(dhex, hex, nchars, cudaMemcpyHostToDevice));
  CHECK(cudaMemset(dbytes, 0, nchars / 2));
  checksum_global<<<1, 128>>>(dhex, nchars, dbytes, dsum);
  unsigned got = 0;
  CHECK(cudaMemcpy(&got, dsum, sizeof got, cudaMemcpyDeviceToHost));
  int errors = got != want;
  if (got != want) printf("global hand-off: %08x, want %08x\n", got, want);

  unsigned in[128], sums[4], out[128];
  for (int i = 0; i < 128; i++) in[i] = 0x9e3779b9u * (unsigned)(i + 1);
  unsigned *din, *dout;
  CHECK(cudaMalloc(&din, sizeof in));
  CHECK(cudaMalloc(&dout, sizeof out));
  CHECK(cudaMemcpy(din, in, sizeof in, cudaMemcpyHostToDevice));
  checksum_shared<<<1, 128>>>(din, dsum);
  CHECK(cudaMemcpy(sums, dsum, sizeof sums, cudaMemcpyDeviceToHost));
  unsigned want_shared = 0;
  for (int i = 0; i < 32; i++) want_shared ^= (in[i] * 3u) << (i % 7);
  // each warp's lane 0 reads the slice its own lanes wrote
  for (int w = 0; w < 4; w++)
    if (sums[w] != want_shared && errors++ < 5)
      printf("shared hand-off, warp %d: %08x, want %08x\n", w, sums[w], want_shared);

  own_elements<<<1, 128>>>(din, dout);
  CHECK(cudaMemcpy(out, dout, sizeof out, cudaMemcpyDeviceToHost));
  for (int i = 0; i < 128; i++)
    if (out[i] != (in[i] + 1u) * (i % 2 == 0 ? 2u : 1u) && errors++ < 5)
      printf("own elements %d: %08x\n", i, out[i]);
  CHECK(cudaFree(dhex));
  CHECK(cudaFree(dbytes));
  CHECK(cudaFree(dsum));
  CHECK(cudaFree(din));
  CHECK(cudaFree(dout));
  return verdict("warp_synchronous_handoff", errors);
}
