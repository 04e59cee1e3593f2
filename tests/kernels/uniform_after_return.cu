// uniform_after_return.cu: a value every thread computes alike, after an
// early `return`, used as the trip count of a loop with barriers.  Fission
// computes such values once per block; when every thread of the block has
// returned (n = 0 here; each marks its element first) and the value
// divides by a parameter that is then 0, computing it anyway would trap
// (integer division by zero) where CUDA computes nothing.  The CPU and WebAssembly backends keep it per thread.
// (Whole blocks return here, not parts of one: the Vulkan target does not
// yet give barriers after a divergent `return` CUDA's meaning.)
// launch: exitingRounds --grid 4 --block 64 i32[256]=iota i32[256]=zeros i32:192 i32:3
// launch: exitingRounds --grid 2 --block 64 i32[128]=iota i32[128]=zeros i32:0 i32:0
#include <cuda_runtime.h>

__global__ void exitingRounds(const int* in, int* out, int n, int step)
{
    __shared__ int s[64];
    int g = blockIdx.x * blockDim.x + threadIdx.x;
    if (g >= n) {
        out[g] = -1;
        return;
    }
    int rounds = 8 / step + 1;
    int v = in[g];
    for (int r = 0; r < rounds; ++r) {
        s[threadIdx.x] = v;
        __syncthreads();
        v += s[(threadIdx.x + 1) % 64];
        __syncthreads();
    }
    out[g] = v;
}
