// atomics_contention.cu: every atomic operation and type under contention.
// contendGlobal: 2048 blocks of 256 threads hammer a few hot words, so each
// pool worker runs hundreds of blocks against the others at once; the
// checks are exact and sensitive to a lost update: atomicAdd's old values
// must be a permutation of 0..N-1 (each thread counts its old value in
// oldSeen, which must end all ones: the order in which threads get their
// values is the hardware's, so the values themselves are not compared), sums/xors/CAS-loop counts/inc-dec wrap
// counts are exact, and And/Or work on words where every thread owns one
// bit (word g % W, bit g / W with W = N/64, so blocks b and b+32, which
// different workers run at the same time, share words) — a lost update
// loses a bit nobody sets again.  contendShared: the same in __shared__
// memory per block (4096 blocks), each block adding its total to a global
// counter.  hotAdd: nothing but atomicAdd on one word per type (int,
// unsigned, unsigned long long, float, double), 32 per thread over 1024
// blocks (8M adds per word), so that the workers contend from start to
// end; whenever two of them run at once, a racy add (load, then store)
// loses a large share of the updates.
// launch: hotAdd --grid 1024 --block 256 i32[1]=zeros u32[1]=zeros u64[1]=zeros f32[1]=zeros f64[1]=zeros i32:32
// launch: contendGlobal --grid 2048 --block 256 i32[8]=zeros u32[8]=zeros u64[8]=zeros i64[4]=zeros f32[4]=zeros f64[4]=zeros f16[2]=zeros i32[524288]=zeros u32[16384]=zeros u32[16384]=fill:-1 u64[8192]=zeros u64[8192]=fill:-1
// launch: contendShared --grid 4096 --block 128 i32[49152]=zeros u64[12288]=zeros f32[8192]=zeros f64[4096]=zeros u64[1]=zeros
#include <cuda_runtime.h>
#include <cuda_fp16.h>

__global__ void contendGlobal(int* ia, unsigned int* ua, unsigned long long* qa, long long* la,
                              float* fa, double* da, __half* ha, int* oldSeen,
                              unsigned int* or32, unsigned int* and32,
                              unsigned long long* or64, unsigned long long* and64)
{
    unsigned int n = gridDim.x * blockDim.x;
    unsigned int g = blockIdx.x * blockDim.x + threadIdx.x;
    atomicAdd(&oldSeen[(unsigned int)atomicAdd(&ia[0], 1) % n], 1);
    atomicSub(&ia[1], 1);
    atomicXor(&ia[2], (int)(g * 2654435761u));
    atomicMin(&ia[3], -(int)g);
    atomicMax(&ia[4], (int)g);
    int old = ia[5], seen;
    do { seen = old; old = atomicCAS(&ia[5], seen, seen + 3); } while (old != seen);
    atomicExch(&ia[6], 7);
    atomicAdd(&ua[0], 3u);
    atomicSub(&ua[1], 2u);
    atomicInc(&ua[2], 1000u);
    atomicDec(&ua[3], 1000u);
    atomicXor(&ua[4], g * 40503u);
    atomicMax(&ua[5], g * 2654435761u);
    atomicMin(&ua[6], ~(g * 2654435761u));
    atomicAdd(&qa[0], (1ull << 32) + 1ull);
    atomicXor(&qa[1], (unsigned long long)g * 0x9E3779B97F4A7C15ull);
    atomicMax(&qa[2], (unsigned long long)g * 0x9E3779B97F4A7C15ull);
    unsigned long long q = qa[3], qs;
    do { qs = q; q = atomicCAS(&qa[3], qs, qs + 5ull); } while (q != qs);
    atomicExch(&qa[4], 9ull);
    atomicMin(&la[0], -(long long)g * 1000003ll);
    atomicMax(&la[1], (long long)g * 1000003ll);
    atomicAdd(&fa[0], 1.0f);
    atomicAdd(&fa[1], -0.5f);
    atomicExch(&fa[2], 2.5f);
    atomicAdd(&da[0], (double)(g & 1023u));
    atomicAdd(&da[1], 0.25);
    if (g % 256u == 0u) atomicAdd(&ha[0], __float2half(1.0f));
    unsigned int w = n / 64u, k = g % w;
    atomicOr(&or32[k + w * (g / (w * 32u))], 1u << ((g / w) % 32u));
    atomicAnd(&and32[k + w * (g / (w * 32u))], ~(1u << ((g / w) % 32u)));
    atomicOr(&or64[k], 1ull << (g / w));
    atomicAnd(&and64[k], ~(1ull << (g / w)));
}

__global__ void hotAdd(int* ia, unsigned int* ua, unsigned long long* qa, float* fa, double* da,
                       int reps)
{
    for (int k = 0; k < reps; k++) {
        atomicAdd(ia, 1);
        atomicAdd(ua, 2u);
        atomicAdd(qa, 1ull << 33);
        atomicAdd(fa, 1.0f);
        atomicAdd(da, 0.5);
    }
}

__global__ void contendShared(int* out, unsigned long long* qout, float* fout, double* dout,
                              unsigned long long* total)
{
    __shared__ int s[8];
    __shared__ unsigned int us[4];
    __shared__ unsigned long long q[3];
    __shared__ float f[2];
    __shared__ double d[1];
    int t = threadIdx.x, b = blockIdx.x;
    if (t < 8) s[t] = t == 5 ? -1 : 0;
    if (t < 4) us[t] = 0u;
    if (t < 3) q[t] = 0ull;
    if (t < 2) f[t] = 0.0f;
    if (t == 0) d[0] = 0.0;
    __syncthreads();
    atomicAdd(&s[0], t + b);
    atomicSub(&s[1], t);
    atomicMin(&s[2], -t - b);
    atomicMax(&s[3], t + b);
    atomicOr(&s[4], (int)(1u << (t & 31)));
    atomicAnd(&s[5], ~(int)(1u << (t & 31)));
    atomicXor(&s[6], (int)((unsigned)t * 2654435761u));
    int old = s[7], a;
    do { a = old; old = atomicCAS(&s[7], a, a + 2); } while (old != a);
    atomicInc(&us[0], 17u);
    atomicDec(&us[1], 9u);
    atomicAdd(&us[2], 5u);
    atomicExch(&us[3], (unsigned)b);
    atomicAdd(&q[0], 1ull << 35);
    atomicMax(&q[1], (unsigned long long)(t * b));
    atomicXor(&q[2], (unsigned long long)t << 40);
    atomicAdd(&f[0], 0.5f);
    atomicExch(&f[1], 1.5f);
    atomicAdd(&d[0], 0.125);
    __syncthreads();
    if (t < 8) out[b * 12 + t] = s[t];
    if (t < 4) out[b * 12 + 8 + t] = (int)us[t];
    if (t < 3) qout[b * 3 + t] = q[t];
    if (t < 2) fout[b * 2 + t] = f[t];
    if (t == 0) {
        dout[b] = d[0];
        atomicAdd(total, (unsigned long long)s[0]);
    }
}
