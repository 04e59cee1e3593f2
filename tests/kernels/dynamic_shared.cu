// dynamic_shared.cu: exercises `extern __shared__` dynamic shared memory,
// carving one dynamic buffer into arrays of different types, a templated
// accessor for dynamic shared memory, and reversal through shared memory.
// launch: reverseDynamic --grid 4 --block 256 --shared 1024 i32[1024]=iota i32:1024
// launch: carvedShared --grid 2 --block 128 --shared 1536 f32[256]=rand:171 i32[256]=iota f32[256]=zeros
// launch: shiftRows<float> --grid 8 --block 64 --shared 256 f32[512]=iota f32[512]=zeros i32:3
#include <cuda_runtime.h>

__global__ void reverseDynamic(int* d, int n)
{
    extern __shared__ int s[];
    int base = blockIdx.x * blockDim.x;
    int t = threadIdx.x;
    int tr = blockDim.x - t - 1;
    if (base + t < n) s[t] = d[base + t];
    __syncthreads();
    if (base + t < n) d[base + t] = s[tr];
}

// Dynamic shared: blockDim floats, then blockDim ints, then blockDim floats.
__global__ void carvedShared(const float* x, const int* idx, float* out)
{
    extern __shared__ unsigned char smem[];
    float* fx = reinterpret_cast<float*>(smem);
    int* ix = reinterpret_cast<int*>(fx + blockDim.x);
    float* acc = reinterpret_cast<float*>(ix + blockDim.x);
    int g = blockIdx.x * blockDim.x + threadIdx.x;
    fx[threadIdx.x] = x[g];
    ix[threadIdx.x] = idx[g] % blockDim.x;
    __syncthreads();
    acc[threadIdx.x] = fx[ix[blockDim.x - 1 - threadIdx.x]];
    __syncthreads();
    out[g] = acc[threadIdx.x] + acc[(threadIdx.x + 1) % blockDim.x];
}

template <typename T>
struct SharedMemory {
    __device__ T* get()
    {
        extern __shared__ unsigned char raw[];
        return reinterpret_cast<T*>(raw);
    }
};

template <typename T>
__global__ void shiftRows(const T* in, T* out, int shift)
{
    T* s = SharedMemory<T>().get();
    int g = blockIdx.x * blockDim.x + threadIdx.x;
    s[threadIdx.x] = in[g];
    __syncthreads();
    out[g] = s[(threadIdx.x + shift) % blockDim.x];
}

template __global__ void shiftRows<float>(const float*, float*, int);
template __global__ void shiftRows<int>(const int*, int*, int);
