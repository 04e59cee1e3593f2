// host_reduce.cu: exercises a host program running a two-pass reduction with
// dynamic shared memory given as the third launch parameter, a stream, events
// for timing, cudaMemset, cudaMallocHost pinned memory and an inline error
// checker function.
// launch: partialSums --grid 64 --block 256 --shared 1024 f32[65536]=fill:1 f32[64]=zeros i32:65536
// launch: partialSums --grid 1 --block 256 --shared 1024 f32[64]=fill:1 f32[1]=zeros i32:64
#include <cuda_runtime.h>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <vector>

static void check(cudaError_t e, const char* what)
{
    if (e != cudaSuccess) {
        std::cerr << what << ": " << cudaGetErrorString(e) << std::endl;
        std::exit(1);
    }
}

__global__ void partialSums(const float* in, float* out, int n)
{
    extern __shared__ float buf[];
    int tid = threadIdx.x;
    float v = 0.0f;
    for (int i = blockIdx.x * blockDim.x + tid; i < n; i += blockDim.x * gridDim.x) v += in[i];
    buf[tid] = v;
    __syncthreads();
    for (int s = blockDim.x / 2; s > 0; s >>= 1) {
        if (tid < s) buf[tid] += buf[tid + s];
        __syncthreads();
    }
    if (tid == 0) out[blockIdx.x] = buf[0];
}

int main(int argc, char** argv)
{
    int n = argc > 1 ? std::atoi(argv[1]) : (1 << 16);
    const int threads = 256, blocks = 64;
    float* hIn = nullptr;
    check(cudaMallocHost(&hIn, n * sizeof(float)), "cudaMallocHost");
    for (int i = 0; i < n; ++i) hIn[i] = 1.0f;

    float *dIn, *dPartial, *dOut;
    check(cudaMalloc(&dIn, n * sizeof(float)), "malloc in");
    check(cudaMalloc(&dPartial, blocks * sizeof(float)), "malloc partial");
    check(cudaMalloc(&dOut, sizeof(float)), "malloc out");
    check(cudaMemset(dOut, 0, sizeof(float)), "memset");

    cudaStream_t stream;
    cudaEvent_t start, stop;
    check(cudaStreamCreate(&stream), "stream");
    cudaEventCreate(&start);
    cudaEventCreate(&stop);

    cudaEventRecord(start, stream);
    check(cudaMemcpyAsync(dIn, hIn, n * sizeof(float), cudaMemcpyHostToDevice, stream), "h2d");
    partialSums<<<blocks, threads, threads * sizeof(float), stream>>>(dIn, dPartial, n);
    partialSums<<<1, threads, threads * sizeof(float), stream>>>(dPartial, dOut, blocks);
    check(cudaGetLastError(), "launch");
    float result = 0.0f;
    check(cudaMemcpyAsync(&result, dOut, sizeof(float), cudaMemcpyDeviceToHost, stream), "d2h");
    cudaEventRecord(stop, stream);
    check(cudaStreamSynchronize(stream), "sync");

    float ms = 0.0f;
    cudaEventElapsedTime(&ms, start, stop);
    std::vector<float> partial(blocks);
    check(cudaMemcpy(partial.data(), dPartial, blocks * sizeof(float), cudaMemcpyDeviceToHost), "partials");
    std::cout << "sum = " << result << " (expected " << n << ") in " << ms << " ms" << std::endl;

    cudaEventDestroy(start);
    cudaEventDestroy(stop);
    cudaStreamDestroy(stream);
    cudaFree(dIn);
    cudaFree(dPartial);
    cudaFree(dOut);
    cudaFreeHost(hIn);
    return result == (float)n ? 0 : 1;
}
