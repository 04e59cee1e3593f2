// warp_handoff.cu: warp-synchronous hand-offs without __syncwarp, as older
// CUDA code writes them: the threads of a block write a buffer, then one
// thread per warp reads what its own warp wrote, with no barrier between.
// CUDA only promises this with __syncwarp(); GPUs run it because the warp
// reconverges before the `if`.  Every target must give that result
// (kir/passes/converge.c makes the reconvergence explicit).
// launch: decodeChecksum --grid 2 --block 64 u8[64]=rand:71 i32:64 u8[64]=zeros u32[2]=zeros
// launch: sliceChecksum --grid 2 --block 128 u32[32]=rand:72 u32[8]=zeros
// launch: stagedPrefix --grid 1 --block 96 i32[96]=rand:73 i32[96]=zeros
#include <cuda_runtime.h>

// a strided loop in a device function: its trip count differs per thread
__device__ void expandNibbles(const unsigned char *src, int n, unsigned char *dst) {
  for (int i = threadIdx.x; i < n; i += blockDim.x) {
    unsigned char v = src[blockIdx.x * n + i];
    dst[blockIdx.x * n + i] = (unsigned char)((v & 15u) * 16u + (v >> 4));
  }
}

__global__ void decodeChecksum(const unsigned char *src, int n, unsigned char *bytes,
                               unsigned *sum) {
  expandNibbles(src, n / 2, bytes);
  if (threadIdx.x == 0) { // reads the bytes lanes 0..31 wrote
    unsigned s = 0;
    for (int i = 0; i < n / 2 && i < 32; i++) s = s * 31u + bytes[blockIdx.x * (n / 2) + i];
    sum[blockIdx.x] = s;
  }
}

__global__ void sliceChecksum(const unsigned *in, unsigned *sum) {
  __shared__ unsigned words[128]; // one 32-word slice per warp
  unsigned *w = words;
  w[threadIdx.x] = in[threadIdx.x % 32] * 3u + blockIdx.x;
  int lane = threadIdx.x % 32;
  if (lane == 0) {
    unsigned s = 0;
    for (int i = 0; i < 32; i++) s ^= words[threadIdx.x + i] << (i % 7);
    sum[blockIdx.x * 4 + threadIdx.x / 32] = s;
  }
}

// the hand-off inside a plain block
__global__ void stagedPrefix(const int *in, int *out) {
  __shared__ int stage[96];
  stage[threadIdx.x] = in[threadIdx.x] % 1000;
  {
    int lane = threadIdx.x % 32;
    if (lane == 0) {
      int run = 0;
      for (int i = 0; i < 32; i++) out[threadIdx.x + i] = run += stage[threadIdx.x + i];
    }
  }
}
