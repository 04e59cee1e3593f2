// Cooperative groups: a block reduction with thread_block and 32-thread
// tiles (tile.shfl_down), as in the CUDA programming guide.
#include "common.h"
#include <cooperative_groups.h>
namespace cg = cooperative_groups;

__device__ int tile_sum(cg::thread_block_tile<32> tile, int v) {
  for (int o = tile.size() / 2; o > 0; o /= 2) v += tile.shfl_down(v, o);
  return v;
}

__global__ void reduce(const int *in, int *out, int n) {
  cg::thread_block block = cg::this_thread_block();
  cg::thread_block_tile<32> tile = cg::tiled_partition<32>(block);
  __shared__ int partial[32];
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  int v = i < n ? in[i] : 0;
  v = tile_sum(tile, v);
  if (tile.thread_rank() == 0) partial[tile.meta_group_rank()] = v;
  block.sync();
  if (threadIdx.x == 0) {
    int s = 0;
    for (unsigned w = 0; w < blockDim.x / 32; ++w) s += partial[w];
    atomicAdd(out, s);
  }
}

int main() {
  const int n = 100000;
  int *in, *out;
  CHECK(cudaMallocManaged(&in, n * sizeof(int)));
  CHECK(cudaMallocManaged(&out, sizeof(int)));
  long long want = 0;
  for (int i = 0; i < n; ++i) want += in[i] = (i * 37) % 101;
  *out = 0;
  reduce<<<(n + 255) / 256, 256>>>(in, out, n);
  CHECK(cudaGetLastError());
  CHECK(cudaDeviceSynchronize());
  printf("sum = %d (want %lld)\n", *out, want);
  int errors = *out != want;
  CHECK(cudaFree(in));
  CHECK(cudaFree(out));
  return verdict("cooperative_groups", errors);
}
