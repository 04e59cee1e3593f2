// recursion.cu: WGSL forbids cycles in the call graph, so a kernel that
// reaches a recursive device function (here through a helper) is not
// emitted; the diagnostic names the function and points at the call that
// re-enters it.  The kernel without recursion beside it is emitted.
__device__ int depth(const int *next, int i);

__device__ int step(const int *next, int i) { return 1 + depth(next, next[i]); }

__device__ int depth(const int *next, int i) { return next[i] < 0 ? 0 : step(next, i); }

__global__ void listDepth(const int *next, int *out) { out[threadIdx.x] = depth(next, threadIdx.x); }

__global__ void copyNext(const int *next, int *out) { out[threadIdx.x] = next[threadIdx.x]; }
