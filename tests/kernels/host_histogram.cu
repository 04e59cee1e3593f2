// host_histogram.cu: exercises a host program using unified
// memory (cudaMallocManaged), cudaGetDeviceProperties, a histogram kernel with
// shared-memory atomics, occupancy-driven grid sizing and std::vector results.
// launch: histogramKernel --grid 16 --block 256 u8[100000]=rand:5 u32[256]=zeros i32:100000
#include <cuda_runtime.h>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <vector>

#define CUDA_TRY(expr)                                                                  \
    if (cudaError_t status = (expr); status != cudaSuccess) {                           \
        std::cerr << #expr << " -> " << cudaGetErrorName(status) << '\n';               \
        std::abort();                                                                   \
    }

__global__ void histogramKernel(const unsigned char* data, unsigned int* bins, int n)
{
    __shared__ unsigned int local[256];
    for (int b = threadIdx.x; b < 256; b += blockDim.x) local[b] = 0;
    __syncthreads();
    for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x)
        atomicAdd(&local[data[i]], 1u);
    __syncthreads();
    for (int b = threadIdx.x; b < 256; b += blockDim.x) atomicAdd(&bins[b], local[b]);
}

int main()
{
    const int n = 1 << 20;
    cudaDeviceProp prop;
    CUDA_TRY(cudaGetDeviceProperties(&prop, 0));
    std::cout << "device: " << prop.name << ", SMs: " << prop.multiProcessorCount << '\n';

    unsigned char* data = nullptr;
    unsigned int* bins = nullptr;
    CUDA_TRY(cudaMallocManaged(&data, n));
    CUDA_TRY(cudaMallocManaged(&bins, 256 * sizeof(unsigned int)));
    for (int i = 0; i < n; ++i) data[i] = static_cast<unsigned char>((i * 7) ^ (i >> 3));
    for (int b = 0; b < 256; ++b) bins[b] = 0;

    int blocksPerSm = 0;
    CUDA_TRY(cudaOccupancyMaxActiveBlocksPerMultiprocessor(&blocksPerSm, histogramKernel, 256, 0));
    int grid = blocksPerSm * prop.multiProcessorCount;
    histogramKernel<<<grid, 256>>>(data, bins, n);
    CUDA_TRY(cudaDeviceSynchronize());

    std::vector<unsigned int> expected(256, 0);
    for (int i = 0; i < n; ++i) expected[data[i]]++;
    int bad = 0;
    for (int b = 0; b < 256; ++b) bad += bins[b] != expected[b];
    std::cout << (bad ? "FAILED" : "PASSED") << '\n';
    cudaFree(data);
    cudaFree(bins);
    return bad;
}
