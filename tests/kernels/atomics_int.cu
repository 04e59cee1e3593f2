// atomics_int.cu: exercises every integer atomic: atomicAdd, atomicSub,
// atomicExch, atomicMin, atomicMax, atomicInc, atomicDec, atomicCAS,
// atomicAnd, atomicOr, atomicXor on int, unsigned int, unsigned long long
// and long long, in global and shared memory, with returned old values.
// launch: intAtomics --grid 4 --block 256 i32[1024]=iota i32[8]=zeros u32[4]=zeros
// launch: u64Atomics --grid 2 --block 128 u64[256]=rand:221 u64[7]=zeros
// launch: sharedAtomics --grid 2 --block 256 i32[512]=rand:222 i32[12]=zeros
#include <cuda_runtime.h>

// acc[0]+=, acc[1]-=, acc[2] min, acc[3] max, acc[4] and, acc[5] or, acc[6] xor, acc[7] exch.
// uacc[0] inc (wrap at 100), uacc[1] dec (wrap at 50), uacc[2] CAS-claimed flag, uacc[3] winners (1).
__global__ void intAtomics(const int* v, int* acc, unsigned int* uacc)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    int x = v[i];
    atomicAdd(&acc[0], x);
    atomicSub(&acc[1], x);
    atomicMin(&acc[2], -x);
    atomicMax(&acc[3], x);
    atomicAnd(&acc[4], ~x);
    atomicOr(&acc[5], x);
    atomicXor(&acc[6], x);
    atomicExch(&acc[7], 5);
    atomicInc(&uacc[0], 100u);
    atomicDec(&uacc[1], 50u);
    unsigned int old = atomicCAS(&uacc[2], 0u, 7u);
    if (old == 0u) atomicAdd(&uacc[3], 1u);
}

__global__ void u64Atomics(const unsigned long long* v, unsigned long long* acc)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    unsigned long long x = v[i] & 0xffffffffull;
    atomicAdd(&acc[0], x);
    atomicMin(&acc[1], x | 1ull);
    atomicMax(&acc[2], x);
    atomicAnd(&acc[3], x);
    atomicOr(&acc[4], x);
    atomicXor(&acc[5], x);
    atomicExch(&acc[6], 42ull);
}

__global__ void sharedAtomics(const int* v, int* out)
{
    __shared__ int s[6];
    __shared__ unsigned int u[2];
    if (threadIdx.x < 6) s[threadIdx.x] = (threadIdx.x == 2) ? 0x7fffffff : 0;
    if (threadIdx.x < 2) u[threadIdx.x] = 0;
    __syncthreads();
    int x = v[blockIdx.x * blockDim.x + threadIdx.x] & 0xffff;
    atomicAdd(&s[0], 1);
    atomicSub(&s[1], 1);
    atomicMin(&s[2], x);
    atomicMax(&s[3], x);
    atomicOr(&s[4], 1 << (threadIdx.x & 31));
    atomicXor(&s[5], x);
    atomicInc(&u[0], 31u);
    atomicExch(&u[1], threadIdx.x);
    __syncthreads();
    if (threadIdx.x < 6) out[blockIdx.x * 6 + threadIdx.x] = s[threadIdx.x] + (threadIdx.x == 0 ? (int)u[0] : 0);
}
