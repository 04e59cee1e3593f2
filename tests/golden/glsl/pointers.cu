// pointers.cu: CUDA pointer semantics the GLSL target keeps through
// buffer device addresses: arithmetic, pointers stored in structs, casts
// between element types, pointers into shared memory passed to a device
// function, and a local whose address is taken (the thread's frame).
#include <cuda_runtime.h>

struct Span {
    float* data;
    int len;
};

__device__ void bump(int* p) { *p += 1; }

__device__ float sumShared(const float* s, int n)
{
    float t = 0.0f;
    for (int i = 0; i < n; i++) t += s[i];
    return t;
}

__global__ void pointerKernel(Span* spans, const unsigned char* bytes, float* out)
{
    __shared__ float tile[64];
    Span sp = spans[blockIdx.x];
    float* p = sp.data + threadIdx.x;
    const int* words = reinterpret_cast<const int*>(bytes) + 2;
    int k = words[threadIdx.x % 4];
    bump(&k);
    tile[threadIdx.x] = *p + (float)k;
    __syncthreads();
    if (threadIdx.x == 0) out[blockIdx.x] = sumShared(tile, sp.len);
}
