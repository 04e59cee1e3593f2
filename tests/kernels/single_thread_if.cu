// single_thread_if.cu: statements only one column of threads runs
// (`if (threadIdx.x == k)`), after a barrier, in 2-D blocks, with k inside
// and outside the block (the CPU backend runs them outside the thread loop).
// launch: columnWrite --grid 2 --block 8,4 i32[64]=zeros i32:3
// launch: columnWrite --grid 2 --block 8,4 i32[64]=zeros i32:9
// launch: columnWrite --grid 3 --block 8,4 i32[96]=zeros i32:-1
#include <cuda_runtime.h>

__global__ void columnWrite(int* out, int k)
{
    __shared__ int s[32];
    int t = threadIdx.y * blockDim.x + threadIdx.x;
    s[t] = t * 10;
    __syncthreads();
    int g = blockIdx.x * 32 + t;
    out[g] = s[31 - t];
    if (threadIdx.x == k) out[g] += 1000 + threadIdx.y;
}
