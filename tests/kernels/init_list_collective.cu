// init_list_collective.cu: brace lists whose elements are warp collectives,
// in a kernel with barriers.  Barrier fission takes each collective out of
// its list (a per-thread temporary in its place); the element must keep its
// position in the array or struct.
// launch: listCollective --grid 2 --block 64 i32[128]=rand:301 i32[640]=zeros
#include <cuda_runtime.h>

struct Pair {
    int x, y;
};

// per thread: t, the value of lane 3 of its warp, its neighbour's value,
// and a pair whose second member is lane 5's value
__global__ void listCollective(const int* in, int* out)
{
    __shared__ int s[64];
    int t = threadIdx.x;
    int i = blockIdx.x * blockDim.x + t;
    s[t] = in[i];
    __syncthreads();
    int a[3] = {t, __shfl_sync(0xffffffffu, s[t], 3), __shfl_xor_sync(0xffffffffu, s[t], 1)};
    Pair p = {t + 1, __shfl_sync(0xffffffffu, s[t], 5)};
    __syncthreads();
    out[5 * i + 0] = a[0];
    out[5 * i + 1] = a[1];
    out[5 * i + 2] = a[2];
    out[5 * i + 3] = p.x;
    out[5 * i + 4] = p.y;
}
