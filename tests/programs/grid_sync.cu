// grid_group::sync() under cudaLaunchCooperativeKernel: every block writes
// its part, the grid synchronises, and each block then reads what the
// others wrote; repeated in a loop, as iterative solvers do.  The grid is
// sized from the occupancy calculator, as CUDA requires.
#include "common.h"
#include <cooperative_groups.h>
namespace cg = cooperative_groups;

__global__ void rounds(int *data, int *sums, int n, int iters) {
  cg::grid_group grid = cg::this_grid();
  cg::thread_block block = cg::this_thread_block();
  __shared__ int partial;
  for (int it = 0; it < iters; it++) {
    for (int i = grid.thread_rank(); i < n; i += grid.size()) data[i] += 1;
    grid.sync();  // every element is updated before anyone sums
    if (threadIdx.x == 0) partial = 0;
    block.sync();
    int local = 0;
    for (int i = threadIdx.x; i < n; i += blockDim.x) local += data[i];
    atomicAdd(&partial, local);
    block.sync();
    if (threadIdx.x == 0) sums[it * gridDim.x + blockIdx.x] = partial;
    grid.sync();  // nobody updates before every block summed
  }
}

int main() {
  int dev = 0, coop = 0, sms = 0, per_sm = 0;
  CHECK(cudaDeviceGetAttribute(&coop, cudaDevAttrCooperativeLaunch, dev));
  CHECK(cudaDeviceGetAttribute(&sms, cudaDevAttrMultiProcessorCount, dev));
  const int threads = 128, n = 5000, iters = 4;
  CHECK(cudaOccupancyMaxActiveBlocksPerMultiprocessor(&per_sm, rounds, threads, 0));
  int blocks = sms * per_sm;
  if (blocks > 8) blocks = 8;
  int *data, *sums;
  CHECK(cudaMallocManaged(&data, n * sizeof(int)));
  CHECK(cudaMallocManaged(&sums, iters * blocks * sizeof(int)));
  for (int i = 0; i < n; i++) data[i] = i % 7;
  int n_ = n, iters_ = iters;
  void *args[] = {&data, &sums, &n_, &iters_};
  CHECK(cudaLaunchCooperativeKernel((void *)rounds, blocks, threads, args, 0, 0));
  CHECK(cudaDeviceSynchronize());
  long base = 0;
  for (int i = 0; i < n; i++) base += i % 7;
  int errors = !coop;
  for (int it = 0; it < iters; it++)
    for (int b = 0; b < blocks; b++) errors += sums[it * blocks + b] != base + (long)n * (it + 1);
  // too many blocks for one cooperative launch: refused, not hung
  cudaError_t e = cudaLaunchCooperativeKernel((void *)rounds, sms * per_sm + 1, threads, args, 0, 0);
  errors += e != cudaErrorCooperativeLaunchTooLarge;
  cudaGetLastError();
  CHECK(cudaFree(data));
  CHECK(cudaFree(sums));
  printf("%d blocks of %d threads\n", blocks, threads);
  return verdict("grid_sync", errors);
}
