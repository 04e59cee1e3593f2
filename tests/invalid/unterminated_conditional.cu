// expect: 4:1: unterminated conditional directive
// An #if with no matching #endif.
#define USE_FAST_MATH 1
#if USE_FAST_MATH
__global__ void k(float* x) { x[threadIdx.x] = __expf(x[threadIdx.x]); }
#else
__global__ void k(float* x) { x[threadIdx.x] = expf(x[threadIdx.x]); }
