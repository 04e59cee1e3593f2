// printf_assert.cu: exercises device printf with %d %u %f %e %x %s %c %p %lld
// and field widths, assert() on device, and __trap-free early exits.
// launch: hello --grid 2 --block 4 i32:42
// launch: checkedDivide --grid 1 --block 32 f32[32]=iota f32[32]=fill:2 f32[32]=zeros
// launch: printStats --grid 1 --block 32 f64[32]=rand:181 i64:1234567890123
#include <cuda_runtime.h>
#include <cstdio>
#include <cassert>

__global__ void hello(int tag)
{
    printf("hello from block %d thread %u tag=%d\n", blockIdx.x, threadIdx.x, tag);
    if (threadIdx.x == 0)
        printf("[%s] block %2d of %-3d %c hex=%#x\n", "blk", blockIdx.x, gridDim.x, 'B', 255);
}

__global__ void checkedDivide(const float* a, const float* b, float* c)
{
    int i = threadIdx.x;
    assert(b[i] != 0.0f);
    assert(i < 32 && "index in range");
    c[i] = a[i] / b[i];
}

__global__ void printStats(const double* v, long long id)
{
    double x = v[threadIdx.x];
    if (threadIdx.x < 2)
        printf("id=%lld v=%f v=%e v=%.3g ptr=%p\n", id, x, x, x, (const void*)v);
    if (threadIdx.x == 31) printf("unsigned long long %llu, %5.2f%%\n", 18446744073709551615ull, 99.5);
}
