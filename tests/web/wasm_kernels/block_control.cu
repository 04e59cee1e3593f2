// block_control.cu: control flow that barrier fission (src/kir/passes/
// fission.c) runs at block level around its thread loops, as the CPU
// backend does: an if with barriers whose condition is uniform, a while
// loop with barriers whose uniform counter is assigned in its body (a
// block scalar, fission_scalars.c), a ping-pong index flipped in a uniform
// loop and read by every thread, and a column's statement
// (`if (threadIdx.x == k)`, fission_single.c) in 2-D blocks after an
// early return of some threads.  Compared with the CPU backend by ctest
// wasm_kernels; `--target kir-threads` shows the shapes.
// launch: blockControl --grid 3 --block 16,4 f32[192]=rand:3 f32[192]=zeros i32:1 i32:5
// launch: blockControl --grid 2 --block 16,4 f32[128]=rand:4 f32[128]=zeros i32:0 i32:-1
// launch: blockControl --grid 2 --block 16,4 f32[128]=rand:5 f32[128]=zeros i32:2 i32:15
#include <cuda_runtime.h>

__global__ void blockControl(const float* in, float* out, int mode, int k)
{
    __shared__ float buf[2][64];
    int t = threadIdx.y * blockDim.x + threadIdx.x;
    int g = blockIdx.x * 64 + t;
    int cur = 0;
    buf[cur][t] = in[g];
    __syncthreads();
    if (mode > 0) { // uniform: the whole block takes it
        buf[cur ^ 1][t] = buf[cur][63 - t] * 2.0f;
        cur ^= 1;
        __syncthreads();
    }
    int step = 32;
    while (step > 0) { // uniform, counter assigned in the body
        float v = buf[cur][t];
        if (t >= step) v += buf[cur][t - step];
        buf[cur ^ 1][t] = v;
        cur ^= 1;
        step >>= 1;
        __syncthreads();
    }
    if (threadIdx.y == 3 && mode == 2) return; // some threads leave
    out[g] = buf[cur][t];
    if (threadIdx.x == k) out[g] += 1000.0f + threadIdx.y;
}
