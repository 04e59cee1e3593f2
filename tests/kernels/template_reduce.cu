// template_reduce.cu: exercises a kernel templated on element type and block
// size, `if constexpr`-free compile-time unrolling on BLOCK, a templated
// shared buffer, and explicit instantiations for several (T, BLOCK) pairs.
// launch: reduce<float,256> --grid 4 --block 256 f32[2048]=rand:61 f32[4]=zeros i32:2048
// launch: reduce<int,128> --grid 2 --block 128 i32[500]=iota i32[2]=zeros i32:500
// launch: reduce<double,64> --grid 8 --block 64 f64[1024]=rand:62 f64[8]=zeros i32:1024
#include <cuda_runtime.h>

template <typename T, unsigned int BLOCK>
__global__ void reduce(const T* in, T* out, int n)
{
    __shared__ T sdata[BLOCK];
    unsigned int tid = threadIdx.x;
    unsigned int i = blockIdx.x * (BLOCK * 2) + tid;
    unsigned int gridSize = BLOCK * 2 * gridDim.x;
    T sum = T(0);
    while (i < n) {
        sum += in[i];
        if (i + BLOCK < n) sum += in[i + BLOCK];
        i += gridSize;
    }
    sdata[tid] = sum;
    __syncthreads();

    if (BLOCK >= 512) { if (tid < 256) sdata[tid] = sum = sum + sdata[tid + 256]; __syncthreads(); }
    if (BLOCK >= 256) { if (tid < 128) sdata[tid] = sum = sum + sdata[tid + 128]; __syncthreads(); }
    if (BLOCK >= 128) { if (tid < 64) sdata[tid] = sum = sum + sdata[tid + 64]; __syncthreads(); }
    if (BLOCK >= 64) { if (tid < 32) sdata[tid] = sum = sum + sdata[tid + 32]; __syncthreads(); }
    if (tid < 32) {
        for (int offset = 16; offset > 0; offset >>= 1)
            sum += __shfl_down_sync(0xffffffff, sum, offset);
    }
    if (tid == 0) out[blockIdx.x] = sum;
}

template __global__ void reduce<float, 256>(const float*, float*, int);
template __global__ void reduce<int, 128>(const int*, int*, int);
template __global__ void reduce<double, 64>(const double*, double*, int);
template __global__ void reduce<float, 512>(const float*, float*, int);
