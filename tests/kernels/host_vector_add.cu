// host_vector_add.cu: exercises a complete program as users write it: a
// kernel plus a host main with std::vector, cudaMalloc/cudaMemcpy/cudaFree,
// an error-check macro, <<<grid, block>>> launch, cudaGetLastError and
// cudaDeviceSynchronize, and a host-side verification loop.
// launch: vecAddKernel --grid 40 --block 256 f32[10000]=rand:1 f32[10000]=rand:2 f32[10000]=zeros i32:10000
#include <cuda_runtime.h>
#include <cstdio>
#include <cstdlib>
#include <vector>

#define CUDA_CHECK(call)                                                       \
    do {                                                                       \
        cudaError_t err_ = (call);                                             \
        if (err_ != cudaSuccess) {                                             \
            fprintf(stderr, "CUDA error %s at %s:%d\n",                        \
                    cudaGetErrorString(err_), __FILE__, __LINE__);             \
            exit(EXIT_FAILURE);                                                \
        }                                                                      \
    } while (0)

__global__ void vecAddKernel(const float* a, const float* b, float* c, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) c[i] = a[i] + b[i];
}

int main()
{
    const int n = 10000;
    const size_t bytes = n * sizeof(float);
    std::vector<float> ha(n), hb(n), hc(n);
    for (int i = 0; i < n; ++i) {
        ha[i] = static_cast<float>(i);
        hb[i] = 2.0f * i;
    }

    float *da = nullptr, *db = nullptr, *dc = nullptr;
    CUDA_CHECK(cudaMalloc(&da, bytes));
    CUDA_CHECK(cudaMalloc(&db, bytes));
    CUDA_CHECK(cudaMalloc(&dc, bytes));
    CUDA_CHECK(cudaMemcpy(da, ha.data(), bytes, cudaMemcpyHostToDevice));
    CUDA_CHECK(cudaMemcpy(db, hb.data(), bytes, cudaMemcpyHostToDevice));

    int block = 256;
    int grid = (n + block - 1) / block;
    vecAddKernel<<<grid, block>>>(da, db, dc, n);
    CUDA_CHECK(cudaGetLastError());
    CUDA_CHECK(cudaDeviceSynchronize());
    CUDA_CHECK(cudaMemcpy(hc.data(), dc, bytes, cudaMemcpyDeviceToHost));

    int errors = 0;
    for (int i = 0; i < n; ++i)
        if (hc[i] != 3.0f * i) ++errors;
    printf("%s (%d errors)\n", errors ? "FAILED" : "PASSED", errors);

    CUDA_CHECK(cudaFree(da));
    CUDA_CHECK(cudaFree(db));
    CUDA_CHECK(cudaFree(dc));
    return errors ? 1 : 0;
}
