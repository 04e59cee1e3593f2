// atomics_float.cu: exercises floating-point atomics: atomicAdd on float and
// double, atomicExch on float, a CAS loop (atomicCAS on the int image) to build
// atomicMax for float and atomicMul for double, and half2 atomicAdd.
// launch: floatAtomics --grid 4 --block 256 f32[1024]=rand:231 f32[3]=zeros f64[1]=zeros
// launch: casFloatMax --grid 4 --block 256 f32[1024]=rand:232 f32[1]=fill:-1
// launch: casDoubleMul --grid 1 --block 64 f64[64]=fill:1.01 f64[1]=fill:1
// launch: halfAtomics --grid 1 --block 128 f16[256]=fill:0.5 f16[2]=zeros
#include <cuda_runtime.h>
#include <cuda_fp16.h>

__global__ void floatAtomics(const float* x, float* facc, double* dacc)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    atomicAdd(&facc[0], x[i]);
    atomicAdd(&facc[1], -x[i]);
    atomicExch(&facc[2], 1.0f);
    atomicAdd(dacc, (double)x[i]);
}

__device__ float atomicMaxFloat(float* addr, float value)
{
    int* iaddr = reinterpret_cast<int*>(addr);
    int old = *iaddr, assumed;
    do {
        assumed = old;
        if (__int_as_float(assumed) >= value) break;
        old = atomicCAS(iaddr, assumed, __float_as_int(value));
    } while (assumed != old);
    return __int_as_float(old);
}

__device__ double atomicMulDouble(double* addr, double factor)
{
    unsigned long long* p = (unsigned long long*)addr;
    unsigned long long old = *p, assumed;
    do {
        assumed = old;
        old = atomicCAS(p, assumed, __double_as_longlong(__longlong_as_double(assumed) * factor));
    } while (assumed != old);
    return __longlong_as_double(old);
}

__global__ void casFloatMax(const float* x, float* result)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    atomicMaxFloat(result, x[i]);
}

__global__ void casDoubleMul(const double* f, double* product)
{
    atomicMulDouble(product, f[threadIdx.x]);
}

__global__ void halfAtomics(const __half2* x, __half2* acc)
{
    atomicAdd(acc, x[threadIdx.x]);
}
