// dot_double.cu: exercises double-precision dot product and norms: double
// shuffles (__shfl_down_sync on double), double atomicAdd, Kahan compensated
// summation, fma(), and a long long element count.
// launch: dotDouble --grid 8 --block 256 f64[8192]=rand:391 f64[8192]=rand:392 f64[1]=zeros i64:8192
// launch: kahanSum --grid 1 --block 32 f64[4096]=fill:0.1 f64[32]=zeros i32:4096
#include <cuda_runtime.h>

__global__ void dotDouble(const double* a, const double* b, double* result, long long n)
{
    __shared__ double warpSums[8];
    double sum = 0.0;
    for (long long i = blockIdx.x * (long long)blockDim.x + threadIdx.x; i < n; i += (long long)blockDim.x * gridDim.x)
        sum = fma(a[i], b[i], sum);
    for (int o = 16; o > 0; o >>= 1) sum += __shfl_down_sync(0xffffffff, sum, o);
    int lane = threadIdx.x & 31, warp = threadIdx.x >> 5;
    if (lane == 0) warpSums[warp] = sum;
    __syncthreads();
    if (threadIdx.x == 0) {
        double t = 0.0;
        for (int w = 0; w < (int)(blockDim.x >> 5); ++w) t += warpSums[w];
        atomicAdd(result, t);
    }
}

// Each thread Kahan-sums a strided slice.
__global__ void kahanSum(const double* x, double* partial, int n)
{
    double sum = 0.0, c = 0.0;
    for (int i = threadIdx.x; i < n; i += blockDim.x) {
        double y = x[i] - c;
        double t = sum + y;
        c = (t - sum) - y;
        sum = t;
    }
    partial[threadIdx.x] = sum;
}
