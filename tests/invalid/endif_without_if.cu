// expect: 6:2: #endif without #if
// One #endif too many.
#ifdef DEBUG
#define CHECK(x) x
#endif
#endif

__global__ void k(float* x) { x[threadIdx.x] = 0.0f; }
