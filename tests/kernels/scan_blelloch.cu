// scan_blelloch.cu: exercises the work-efficient Blelloch exclusive scan
// (up-sweep, clear the root, down-sweep) on 2 elements per thread, with
// dynamic shared memory and block sums written for a later pass.
// launch: blellochScan --grid 4 --block 128 --shared 1024 f32[1024]=fill:1 f32[1024]=zeros f32[4]=zeros i32:256
// launch: addBlockSums --grid 4 --block 256 f32[1024]=fill:1 f32[4]=iota i32:256
#include <cuda_runtime.h>

// Each block scans 2*blockDim.x elements; n is elements per block.
__global__ void blellochScan(const float* in, float* out, float* blockSums, int n)
{
    extern __shared__ float temp[];
    int tid = threadIdx.x;
    const float* src = in + blockIdx.x * n;
    float* dst = out + blockIdx.x * n;
    int offset = 1;

    temp[2 * tid] = src[2 * tid];
    temp[2 * tid + 1] = src[2 * tid + 1];

    for (int d = n >> 1; d > 0; d >>= 1) {
        __syncthreads();
        if (tid < d) {
            int ai = offset * (2 * tid + 1) - 1;
            int bi = offset * (2 * tid + 2) - 1;
            temp[bi] += temp[ai];
        }
        offset *= 2;
    }
    if (tid == 0) {
        blockSums[blockIdx.x] = temp[n - 1];
        temp[n - 1] = 0.0f;
    }
    for (int d = 1; d < n; d *= 2) {
        offset >>= 1;
        __syncthreads();
        if (tid < d) {
            int ai = offset * (2 * tid + 1) - 1;
            int bi = offset * (2 * tid + 2) - 1;
            float t = temp[ai];
            temp[ai] = temp[bi];
            temp[bi] += t;
        }
    }
    __syncthreads();
    dst[2 * tid] = temp[2 * tid];
    dst[2 * tid + 1] = temp[2 * tid + 1];
}

__global__ void addBlockSums(float* data, const float* scannedSums, int n)
{
    int i = blockIdx.x * n + threadIdx.x;
    if (threadIdx.x < n) data[i] += scannedSums[blockIdx.x];
}
