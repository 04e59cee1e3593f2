// int64_ops.cu: every operation on 64-bit integers, over full-range values
// (a splitmix64 stream per thread) and shift counts 0..63, signed and
// unsigned: add/sub/mul/div/mod with carries and borrows across the 32-bit
// halves, shifts, comparisons, conversions to and from narrower integers
// and float (as bits, so rounding is compared exactly), the 64-bit
// intrinsics, compound assignment and ++/--, size_t loops and indexing;
// then 64-bit atomics whose old value is unused, in global and shared
// memory, also through a generic pointer.  On a device without shaderInt64
// (SwiftShader) all of it runs on uvec2 pairs (src/emit/glsl_int64.c).
// launch: int64Ops --grid 2 --block 128 i32[256]=rand:301 u64[7168]=zeros i32:256
// launch: int64Atomics --grid 4 --block 64 i32[256]=rand:302 u64[8]=zeros i32:256
#include <cuda_runtime.h>

__device__ unsigned long long splitmix(unsigned long long z)
{
    z += 0x9E3779B97F4A7C15ull;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

__global__ void int64Ops(const int* in, unsigned long long* out, int n)
{
    size_t i = (size_t)blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= (size_t)n) return;
    int s = (int)(i % 64);
    unsigned long long a = splitmix(i * 2 + (size_t)in[i]), b = splitmix(i * 2 + 1);
    unsigned long long d = (b >> s) | 1;                       /* divisors of every width */
    long long sa = (long long)a, sd = (i & 1) ? -(long long)d : (long long)d;
    if (i % 5 == 0) sa = (long long)(int)a;                  /* some that fit in 32 bits */
    unsigned long long* o = out + 28 * i;
    o[0] = a + b;
    o[1] = a - b;
    o[2] = a * b;
    o[3] = a / d;
    o[4] = a % d;
    o[5] = (unsigned long long)(sa / sd);
    o[6] = (unsigned long long)(sa % sd);
    o[7] = a << s;
    o[8] = a >> s;
    o[9] = (unsigned long long)(sa >> s);
    o[10] = (unsigned long long)((a < b) | ((sa < sd) << 1) | ((a <= d) << 2) | ((sa >= sd) << 3) |
                                 ((a == a) << 4) | ((a != b) << 5) | ((sa > (long long)b) << 6) |
                                 ((a > 0xffffffffull) << 7));
    o[11] = (a < b ? a : b) ^ (unsigned long long)(sa > sd ? sa : sd);
    o[12] = __float_as_uint((float)a) | ((unsigned long long)__float_as_uint((float)sa) << 32);
    float f = __uint_as_float(((127u + s) << 23) | (unsigned)(a & 0x7fffff));          /* 2^s .. 2^(s+1) */
    float g = __uint_as_float(((127u + s % 63) << 23) | (unsigned)(b & 0x7fffff));
    o[13] = (unsigned long long)f ^ (unsigned long long)(long long)(-g) ^ (unsigned long long)(long long)(g * 0.75f);
    o[14] = (unsigned long long)(__popcll(a) + (__clzll(sa >> s) << 8) + (__ffsll(sa << s) << 16));
    o[15] = __brevll(a);
    o[16] = __umul64hi(a, b);
    o[17] = (unsigned long long)__mul64hi(sa, sd);
    o[18] = (unsigned long long)llabs(sd) + (unsigned long long)llabs(sa >> 3);
    o[19] = (unsigned long long)(int)a + (unsigned long long)(unsigned)(b >> 7) +
            (unsigned long long)(long long)(short)a + (unsigned long long)(signed char)(b >> 3) +
            (unsigned long long)(long long)(int)b;
    unsigned long long acc = 0;
    for (size_t k = 0; k < (size_t)(i % 7) + 1; ++k) acc += k * a + (k << 40);
    o[20] = acc;
    unsigned long long x = a;
    x += b; x *= 3; x >>= 5; x ^= b; x -= 7; x <<= s & 15; x |= 1; x %= d; x /= 3;
    long long y = sa;
    y -= sd; y /= 7; y %= 1000000007; y >>= 2; y *= -3;
    o[21] = x;
    o[22] = (unsigned long long)y;
    unsigned long long z = a;
    z++; ++z; z--;
    unsigned long long z0 = z++;
    o[23] = z0 + --z;
    o[24] = (unsigned long long)(-sa) ^ ~a ^ (unsigned long long)!a;
    o[25] = (unsigned long long)((long long)(float)((int)(a >> 40) * 3) + (long long)(s - 32) * 0x100000000ll);
    const int* p = in + i;                                  /* pointers and 64-bit offsets */
    long long back = -(long long)(i % 3);
    long long dist = in - p;                                /* a ptrdiff_t used in 64 bits */
    o[26] = (unsigned long long)(p[back] + (int)(p - in)) + (unsigned long long)(p + 1 > in) +
            (unsigned long long)(dist * 0x100000001ll + (p - in) * 3);
    o[27] = 0x8000000000000000ull / (unsigned long long)(s + 1) + (unsigned long long)(-9223372036854775807ll - 1) % 3;
}

/* through a pointer that may point into shared or global memory */
__device__ void add64(unsigned long long* counter, unsigned long long v)
{
    atomicAdd(counter, v);
}

/* 64-bit atomics with the old value unused: the low word's carries reach
 * the high word (each add crosses 2^32 many times) */
__global__ void int64Atomics(const int* in, unsigned long long* acc, int n)
{
    __shared__ unsigned long long blockSum[2];
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (threadIdx.x < 2) blockSum[threadIdx.x] = 0;
    __syncthreads();
    if (i < n) {
        unsigned long long v = ((unsigned long long)in[i] << 33) | 0xfffffff0u;
        atomicAdd(&acc[0], v);
        atomicAdd(&acc[1], 0xffffffffull * (unsigned long long)(i + 1));
        atomicOr(&acc[2], 1ull << (i % 64));
        atomicXor(&acc[3], v * 0x9E3779B97F4A7C15ull);
        atomicAnd(&acc[4], ~(1ull << ((i * 7) % 64)));
        add64(&blockSum[0], v);
        atomicAdd(&blockSum[1], 0xfffffffffull);
        add64(&acc[7], 0x80000001ull);
    }
    __syncthreads();
    if (threadIdx.x < 2) atomicAdd(&acc[5 + threadIdx.x], blockSum[threadIdx.x]);
}
