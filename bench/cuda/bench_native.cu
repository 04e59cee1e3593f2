// bench_native.cu — the nvcc side of the CUDA backend benchmark: times the
// kernels of kernels.cu with CUDA events, synchronizing after every launch
// as cuwasm's backend does, plus launch latency and pinned-memory copies.
// Prints one "name seconds" line per measurement for bench/cuda/run.sh.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <chrono>
#include "kernels.cu"

#define CK(x) do { cudaError_t e = (x); if (e != cudaSuccess) { printf("error %s\n", cudaGetErrorString(e)); exit(1); } } while (0)

template <typename F> static double timed(int reps, F f)
{
    cudaEvent_t a, b;
    cudaEventCreate(&a); cudaEventCreate(&b);
    f(); CK(cudaDeviceSynchronize());
    cudaEventRecord(a);
    for (int r = 0; r < reps; r++) { f(); cudaDeviceSynchronize(); }
    cudaEventRecord(b); cudaEventSynchronize(b);
    float ms; cudaEventElapsedTime(&ms, a, b);
    return ms / 1e3 / reps;
}

int main()
{
    const int n = 1 << 24, m = 1024, tn = 4096;
    float *x, *y, *A, *B, *C, *out; unsigned *u, *bins;
    CK(cudaMalloc(&x, n * 4)); CK(cudaMalloc(&y, n * 4)); CK(cudaMalloc(&out, 4));
    CK(cudaMalloc(&A, m * m * 4)); CK(cudaMalloc(&B, m * m * 4)); CK(cudaMalloc(&C, m * m * 4));
    CK(cudaMalloc(&u, n * 4)); CK(cudaMalloc(&bins, 1024));
    cudaMemset(x, 0, n * 4); cudaMemset(y, 0, n * 4); cudaMemset(u, 0, n * 4);
    printf("saxpy %.9f\n", timed(50, [&] { saxpy<<<n / 256, 256>>>(n, 2.0f, x, y); }));
    printf("sgemm_tiled %.9f\n", timed(10, [&] { sgemm_tiled<<<dim3(m / TILE, m / TILE), dim3(TILE, TILE)>>>(m, A, B, C); }));
    printf("reduce_sum %.9f\n", timed(50, [&] { reduce_sum<<<1024, 256>>>(x, out, n); }));
    printf("transpose %.9f\n", timed(20, [&] { transpose<<<dim3(tn / TILE, tn / TILE), dim3(TILE, TILE)>>>(tn, x, y); }));
    printf("histogram %.9f\n", timed(50, [&] { histogram<<<1024, 256>>>(u, bins, n); }));
    auto t0 = std::chrono::steady_clock::now();
    for (int r = 0; r < 2000; r++) { empty_kernel<<<1, 1>>>(); cudaDeviceSynchronize(); }
    auto t1 = std::chrono::steady_clock::now();
    printf("launch %.9f\n", std::chrono::duration<double>(t1 - t0).count() / 2000);
    float *h; CK(cudaMallocHost(&h, n * 4));
    printf("h2d_pinned %.9f\n", timed(10, [&] { cudaMemcpy(x, h, n * 4, cudaMemcpyHostToDevice); }));
    printf("d2h_pinned %.9f\n", timed(10, [&] { cudaMemcpy(h, x, n * 4, cudaMemcpyDeviceToHost); }));
    // touched first, as bench_cw.c does: untouched pages all map the kernel's
    // one zero page, which the driver reads far faster than real memory
    float *hp = (float *)malloc(n * 4);
    memset(hp, 0, (size_t)n * 4);
    printf("h2d_pageable %.9f\n", timed(10, [&] { cudaMemcpy(x, hp, n * 4, cudaMemcpyHostToDevice); }));
    printf("d2h_pageable %.9f\n", timed(10, [&] { cudaMemcpy(hp, x, n * 4, cudaMemcpyDeviceToHost); }));
    return 0;
}
