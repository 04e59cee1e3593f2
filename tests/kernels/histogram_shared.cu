// histogram_shared.cu: exercises privatised histograms in shared memory with
// shared-memory atomicAdd, a cooperative clear/flush loop over the bins and
// a global atomicAdd merge; also a byte histogram over packed uchar4 data.
// launch: histogram256 --grid 8 --block 256 u8[65536]=rand:9 u32[256]=zeros i32:65536
// launch: histogramBinned --grid 4 --block 128 f32[10000]=rand:4 u32[64]=zeros i32:10000 i32:64 f32:0.0 f32:1.0
#include <cuda_runtime.h>

#define NUM_BINS 256

__global__ void histogram256(const unsigned char* data, unsigned int* hist, int n)
{
    __shared__ unsigned int local[NUM_BINS];
    for (int b = threadIdx.x; b < NUM_BINS; b += blockDim.x) local[b] = 0;
    __syncthreads();

    const uchar4* data4 = reinterpret_cast<const uchar4*>(data);
    int n4 = n / 4;
    for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n4; i += blockDim.x * gridDim.x) {
        uchar4 v = data4[i];
        atomicAdd(&local[v.x], 1u);
        atomicAdd(&local[v.y], 1u);
        atomicAdd(&local[v.z], 1u);
        atomicAdd(&local[v.w], 1u);
    }
    __syncthreads();

    for (int b = threadIdx.x; b < NUM_BINS; b += blockDim.x)
        if (local[b]) atomicAdd(&hist[b], local[b]);
}

__global__ void histogramBinned(const float* x, unsigned int* hist, int n, int bins,
                                float lo, float hi)
{
    __shared__ unsigned int fixedBins[64];
    unsigned int* bucket = fixedBins;
    for (int b = threadIdx.x; b < bins; b += blockDim.x) bucket[b] = 0u;
    __syncthreads();
    float scale = bins / (hi - lo);
    for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x) {
        int b = (int)((x[i] - lo) * scale);
        b = min(max(b, 0), bins - 1);
        atomicAdd(&bucket[b], 1u);
    }
    __syncthreads();
    for (int b = threadIdx.x; b < bins; b += blockDim.x) atomicAdd(hist + b, bucket[b]);
}
