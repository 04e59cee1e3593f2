// device_launches.cu: dynamic parallelism on the WebAssembly device,
// compared with the CPU backend by ctest wasm_kernels.  A parent grid's
// threads launch child grids (a scalar, a pointer and a struct passed by
// value), children launch grandchildren, a launch into cudaStreamTailLaunch
// runs after its siblings, and a launch with a bad configuration returns
// cudaErrorInvalidConfiguration, which the thread's cudaGetLastError then
// reports once.  out[0..63]: each child's block sums; out[64..]: order and
// errors, as flags that do not depend on which parent block ran first.
// launch: parent --grid 2 --block 4 i32[128]=zeros
#include <cuda_runtime.h>

struct Span {
  int first, count;
};

__device__ int order_next;

__global__ void grandchild(int *out, int slot) { atomicAdd(&out[slot], 1000); }

__global__ void child(int *out, Span s, int depth) {
  int i = s.first + blockIdx.x * blockDim.x + threadIdx.x;
  if (i < s.first + s.count) atomicAdd(&out[i / 4], i + depth);
  if (threadIdx.x == 0 && blockIdx.x == 0) grandchild<<<1, 1>>>(out, s.first / 4);
}

/* 1 when the tail grid ran after both parent blocks had counted themselves
 * (the blocks run in either order, or at once) */
__global__ void tail(int *out, int parent) { out[64 + parent] = atomicAdd(&order_next, 1) >= 2; }

__global__ void parent(int *out) {
  int t = blockIdx.x * blockDim.x + threadIdx.x;
  Span s = {t * 8, 8};
  child<<<2, 4>>>(out, s, 1);
  if (threadIdx.x == 0) {
    tail<<<1, 1, 0, cudaStreamTailLaunch>>>(out, blockIdx.x);
    child<<<dim3(1, 1, 1), dim3(2048, 1, 1)>>>(out, s, 2); /* too many threads */
    out[72 + blockIdx.x] = cudaGetLastError();
    out[74 + blockIdx.x] = cudaGetLastError(); /* cleared by the first */
    out[76 + blockIdx.x] = atomicAdd(&order_next, 1) < 2;
  }
}
