// int_intrinsics.cu: exercises integer intrinsics: __popc/__popcll, __clz/
// __clzll, __ffs/__ffsll, __brev/__brevll, __byte_perm, __mul24/__umul24,
// __mulhi/__umulhi/__mul64hi, __sad/__usad, __funnelshift_l/_r,
// __hadd/__rhadd, abs/min/max and the rotate idiom.
// launch: bitOps --grid 4 --block 256 u32[1024]=rand:201 u32[8192]=zeros i32:1024
// launch: bitOps64 --grid 2 --block 128 u64[256]=rand:202 u64[1024]=zeros i32:256
// launch: mulOps --grid 2 --block 128 i32[256]=rand:203 i32[256]=rand:204 i32[1280]=zeros i32:256
#include <cuda_runtime.h>
#include <cstdint>

__global__ void bitOps(const uint32_t* in, uint32_t* out, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;
    uint32_t v = in[i];
    uint32_t* o = out + 8 * i;
    o[0] = __popc(v);
    o[1] = __clz(v);
    o[2] = __ffs(v);
    o[3] = __brev(v);
    o[4] = __byte_perm(v, 0x01234567u, 0x3210u) ^ __byte_perm(v, 0u, 0x0123u);
    o[5] = __funnelshift_l(v, v >> 3, 7) + __funnelshift_r(v, ~v, 5);
    o[6] = (v << 13) | (v >> 19);
    o[7] = __usad(v & 0xffff, v >> 16, 1u) + __uhadd(v, 12345u) + __urhadd(v, 7u);
}

__global__ void bitOps64(const unsigned long long* in, unsigned long long* out, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;
    unsigned long long v = in[i];
    out[4 * i + 0] = __popcll(v);
    out[4 * i + 1] = __clzll((long long)v);
    out[4 * i + 2] = __ffsll((long long)v);
    out[4 * i + 3] = __brevll(v);
}

__global__ void mulOps(const int* a, const int* b, int* out, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;
    int x = a[i], y = b[i];
    out[5 * i + 0] = __mul24(x, y);
    out[5 * i + 1] = (int)__umul24((unsigned)x, (unsigned)y);
    out[5 * i + 2] = __mulhi(x, y) ^ (int)__umulhi((unsigned)x, (unsigned)y);
    out[5 * i + 3] = (int)(__mul64hi((long long)x, (long long)y) ^ __umul64hi((unsigned long long)x, 3ull));
    out[5 * i + 4] = __sad(x & 0xff, y & 0xff, 0u) + __hadd(x, y) + __rhadd(x, y) + abs(x % 100) + min(x, y) % 7 + max(x, y) % 5;
}
