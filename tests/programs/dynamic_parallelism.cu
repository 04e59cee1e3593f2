// FLAGS: -rdc=true
// Dynamic parallelism (CUDA 12, CDP2): kernels launching kernels.
// - a recursive tree of launches counts the blocks at every depth;
// - a child grid reads what its parent block wrote before the launch and
//   its results reach a later host launch;
// - a grid launched into cudaStreamTailLaunch runs after its parent grid
//   and the parent's other children;
// - grids launched into one stream (a block's NULL stream, a device
//   stream) run in launch order, while every block launches at once;
// - device streams, device-side cudaGetLastError (a launch with a bad
//   configuration fails, the next one succeeds) and cudaGetDevice;
// - cudaLimitDevRuntimePendingLaunchCount: launches beyond the limit fail
//   with cudaErrorLaunchPendingCountExceeded (a GPU may start children
//   early and free slots, so at least the limit must succeed);
// - printf from a chain of single-thread grids, whose order is fixed by
//   the chain, reaches stdout before the host's synchronisation returns.
#include "common.h"

#define MAX_DEPTH 4
#define SEG 64

__device__ int level_blocks[MAX_DEPTH];
__device__ int chain_seen;

__global__ void tree(int depth, int max_depth) {
  if (threadIdx.x == 0) atomicAdd(&level_blocks[depth], 1);
  if (threadIdx.x == 0 && depth + 1 < max_depth) tree<<<2, 32>>>(depth + 1, max_depth);
}

__global__ void scale_segment(int *data, int factor) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  data[i] *= factor;
}

// each block fills its segment, then one thread has a child grid scale it
__global__ void fill_then_scale(int *data) {
  int base = blockIdx.x * SEG;
  for (int i = threadIdx.x; i < SEG; i += blockDim.x) data[base + i] = base + i;
  __syncthreads();
  if (threadIdx.x == 0) scale_segment<<<SEG / 16, 16>>>(data + base, 3);
}

__global__ void count_wrong(const int *data, int n, int *wrong) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n && data[i] != 3 * i) atomicAdd(wrong, 1);
}

__global__ void write_marks(int *marks, int value) { marks[threadIdx.x] = value; }

// the tail launch checks that the parent's other child already ran
__global__ void check_marks(const int *marks, int n, int value, int *result) {
  int bad = 0;
  for (int i = 0; i < n; i++) bad += marks[i] != value;
  *result = bad == 0 ? 1 : -1;
}

__global__ void parent_with_tail(int *marks, int n, int *result) {
  if (threadIdx.x == 0) {
    check_marks<<<1, 1, 0, cudaStreamTailLaunch>>>(marks, n, 7, result);
    write_marks<<<1, n, 0, cudaStreamFireAndForget>>>(marks, 7);
  }
}

// block b of 4 writes marks [8b, 8b + 8); the last one dawdles first, so
// that a checker run beside it, not after it, would see its marks missing
__global__ void write_marks_slowly(int *marks, int value) {
  if (blockIdx.x == gridDim.x - 1) {
    volatile int spin = 0;
    for (int i = 0; i < 200000; i++) spin = spin + 1;
  }
  marks[blockIdx.x * 8 + threadIdx.x] = value;
}

// each block: into its NULL stream and into a stream of its own, a grid
// that writes its marks, then one that checks them
__global__ void ordered_pairs(int *marks, int *results) {
  if (threadIdx.x != 0) return;
  int *mine = marks + blockIdx.x * 64;
  write_marks_slowly<<<4, 8>>>(mine, blockIdx.x + 1);
  check_marks<<<1, 1>>>(mine, 32, blockIdx.x + 1, results + 2 * blockIdx.x);
  cudaStream_t s;
  cudaStreamCreateWithFlags(&s, cudaStreamNonBlocking);
  write_marks_slowly<<<4, 8, 0, s>>>(mine + 32, blockIdx.x + 100);
  check_marks<<<1, 1, 0, s>>>(mine + 32, 32, blockIdx.x + 100, results + 2 * blockIdx.x + 1);
  cudaStreamDestroy(s);
}

__global__ void noop() {}

// status[0]: error of a launch with 2048 threads per block; [1]: the error
// after it was read; [2]: a good launch into a device stream; [3]: the
// device; [4]: stream creation
__global__ void device_api(int *status) {
  if (threadIdx.x != 0) return;
  noop<<<1, 2048>>>();
  status[0] = (int)cudaPeekAtLastError();
  status[0] = (int)cudaGetLastError();
  status[1] = (int)cudaGetLastError();
  cudaStream_t s;
  status[4] = (int)cudaStreamCreateWithFlags(&s, cudaStreamNonBlocking);
  noop<<<2, 32, 0, s>>>();
  status[2] = (int)cudaGetLastError();
  cudaStreamDestroy(s);
  int dev = -1;
  cudaGetDevice(&dev);
  status[3] = dev;
}

__device__ int launch_ok, launch_exceeded, launch_other;

__global__ void many_children() {
  noop<<<1, 1>>>();
  cudaError_t e = cudaGetLastError();
  atomicAdd(e == cudaSuccess ? &launch_ok
            : e == cudaErrorLaunchPendingCountExceeded ? &launch_exceeded : &launch_other, 1);
}

__global__ void chain(int depth, int last) {
  printf("chain grid %d of %d\n", depth, last + 1);
  atomicAdd(&chain_seen, 1);
  if (depth < last) chain<<<1, 1>>>(depth + 1, last);
}

int main() {
  int errors = 0;

  tree<<<2, 32>>>(0, MAX_DEPTH);
  CHECK(cudaGetLastError());
  CHECK(cudaDeviceSynchronize());
  int levels[MAX_DEPTH];
  CHECK(cudaMemcpyFromSymbol(levels, level_blocks, sizeof levels));
  for (int d = 0, want = 2; d < MAX_DEPTH; d++, want *= 2) {
    printf("depth %d: %d blocks\n", d, levels[d]);
    errors += levels[d] != want;
  }

  const int blocks = 8, n = blocks * SEG;
  int *data, *wrong;
  CHECK(cudaMalloc(&data, n * sizeof(int)));
  CHECK(cudaMalloc(&wrong, sizeof(int)));
  CHECK(cudaMemset(wrong, 0, sizeof(int)));
  fill_then_scale<<<blocks, 32>>>(data);
  count_wrong<<<(n + 127) / 128, 128>>>(data, n, wrong);
  int nwrong = -1;
  CHECK(cudaMemcpy(&nwrong, wrong, sizeof nwrong, cudaMemcpyDeviceToHost));
  printf("children scaled their parents' segments: %d of %d wrong\n", nwrong, n);
  errors += nwrong != 0;

  int *marks, *result;
  CHECK(cudaMalloc(&marks, 32 * sizeof(int)));
  CHECK(cudaMalloc(&result, sizeof(int)));
  CHECK(cudaMemset(marks, 0, 32 * sizeof(int)));
  CHECK(cudaMemset(result, 0, sizeof(int)));
  parent_with_tail<<<1, 32>>>(marks, 32, result);
  int tail = 0;
  CHECK(cudaMemcpy(&tail, result, sizeof tail, cudaMemcpyDeviceToHost));
  printf("tail launch saw the other child's writes: %s\n", tail == 1 ? "yes" : "no");
  errors += tail != 1;

  const int pairs = 16;
  int *pair_marks, *pair_results, got[2 * pairs];
  CHECK(cudaMalloc(&pair_marks, pairs * 64 * sizeof(int)));
  CHECK(cudaMalloc(&pair_results, sizeof got));
  CHECK(cudaMemset(pair_marks, 0, pairs * 64 * sizeof(int)));
  CHECK(cudaMemset(pair_results, 0, sizeof got));
  ordered_pairs<<<pairs, 32>>>(pair_marks, pair_results);
  CHECK(cudaMemcpy(got, pair_results, sizeof got, cudaMemcpyDeviceToHost));
  int in_order = 0;
  for (int i = 0; i < 2 * pairs; i++) in_order += got[i] == 1;
  printf("same-stream grids in launch order: %d of %d\n", in_order, 2 * pairs);
  errors += in_order != 2 * pairs;
  CHECK(cudaFree(pair_marks));
  CHECK(cudaFree(pair_results));

  int *status, st[5];
  CHECK(cudaMalloc(&status, sizeof st));
  device_api<<<1, 1>>>(status);
  CHECK(cudaMemcpy(st, status, sizeof st, cudaMemcpyDeviceToHost));
  printf("bad launch: %s, then %s; stream: %s, launch into it: %s; device %d\n",
         cudaGetErrorName((cudaError_t)st[0]), cudaGetErrorName((cudaError_t)st[1]),
         cudaGetErrorName((cudaError_t)st[4]), cudaGetErrorName((cudaError_t)st[2]), st[3]);
  int device = -1;
  CHECK(cudaGetDevice(&device));
  errors += st[0] != cudaErrorInvalidConfiguration || st[1] != cudaSuccess ||
            st[2] != cudaSuccess || st[4] != cudaSuccess || st[3] != device;

  size_t old_limit = 0;
  CHECK(cudaDeviceGetLimit(&old_limit, cudaLimitDevRuntimePendingLaunchCount));
  CHECK(cudaDeviceSetLimit(cudaLimitDevRuntimePendingLaunchCount, 16));
  many_children<<<2, 32>>>();
  CHECK(cudaDeviceSynchronize());
  CHECK(cudaDeviceSetLimit(cudaLimitDevRuntimePendingLaunchCount, old_limit));
  int ok = 0, exceeded = 0, other = 0;
  CHECK(cudaMemcpyFromSymbol(&ok, launch_ok, sizeof ok));
  CHECK(cudaMemcpyFromSymbol(&exceeded, launch_exceeded, sizeof exceeded));
  CHECK(cudaMemcpyFromSymbol(&other, launch_other, sizeof other));
  printf("pending launch limit %d (default %zu): %d of 64 launches queued, %d refused\n", 16,
         old_limit, ok, exceeded);
  errors += ok < 16 || ok + exceeded != 64 || other != 0;

  chain<<<1, 1>>>(0, 3);
  CHECK(cudaDeviceSynchronize());
  int seen = 0;
  CHECK(cudaMemcpyFromSymbol(&seen, chain_seen, sizeof seen));
  errors += seen != 4;

  CHECK(cudaFree(data));
  CHECK(cudaFree(wrong));
  CHECK(cudaFree(marks));
  CHECK(cudaFree(result));
  CHECK(cudaFree(status));
  return verdict("dynamic_parallelism", errors);
}
