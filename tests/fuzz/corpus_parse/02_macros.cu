#include <cstdio>
#define STR(x) #x
#define CAT(a, b) a##b
#define LOG(fmt, ...) printf(fmt, __VA_ARGS__)
#define SQUARE(x) ((x) * (x))
#if defined(__CUDA_ARCH__) && __CUDA_ARCH__ >= 700 && (1 << 3) == 8
#define FAST 1
#elif 0
#error unreachable
#else
#define FAST 0
#endif
__global__ void CAT(kern, 1)(int *out) {
  out[threadIdx.x] = SQUARE(threadIdx.x + FAST) + __LINE__ + __COUNTER__;
  if (threadIdx.x == 0) LOG("%s %d\n", STR(kern1), FAST);
}
