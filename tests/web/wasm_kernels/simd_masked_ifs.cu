// simd_masked_ifs.cu: ifs with a varying condition whose then-branch only
// declares and assigns variables, which src/emit/wasm_simd.c runs under
// masks in a turn whose lanes disagree (maskable, masked_if) where the
// turn cannot be abandoned for scalar ones: after a store and inside a
// uniform loop, with a declaration and an integer (not bool) condition in
// the branch, a uniform variable one of them sets (which must become
// varying) and masked loads that must skip the lanes out (t - 10 < 0
// reads before the array).  A Hillis-Steele scan's `if (t >= d)` before
// any store keeps the scalar turns across d.  Block widths that take
// turns of 16, of 4 and the scalar loop.  Compared with the CPU backend by
// ctest wasm_kernels and wasm_workers.
// launch: blockScan --grid 3 --block 256 f32[768]=rand:51 f32[768]=zeros f32[3]=zeros
// launch: blockScan --grid 2 --block 64 f32[128]=rand:52 f32[128]=zeros f32[2]=zeros
// launch: blockScan --grid 2 --block 36 f32[72]=rand:53 f32[72]=zeros f32[2]=zeros
// launch: blockScan --grid 1 --block 7 f32[7]=rand:54 f32[7]=zeros f32[1]=zeros
// launch: afterStores --grid 2 --block 48 f32[96]=rand:55 f32[96]=zeros f32[96]=zeros i32:96
// launch: afterStores --grid 3 --block 20 f32[60]=rand:56 f32[60]=zeros f32[60]=zeros i32:50
#include <cuda_runtime.h>

// inclusive scan of each block's elements in shared memory
__global__ void blockScan(const float* in, float* out, float* sums)
{
    __shared__ float s[2][256];
    int t = threadIdx.x, g = blockIdx.x * blockDim.x + t, cur = 0;
    s[0][t] = in[g];
    __syncthreads();
    for (int d = 1; d < blockDim.x; d <<= 1) {
        float v = s[cur][t];
        if (t >= d) v += s[cur][t - d];
        s[cur ^ 1][t] = v;
        cur ^= 1;
        __syncthreads();
    }
    out[g] = s[cur][t];
    if (t == blockDim.x - 1) sums[blockIdx.x] = s[cur][t];
}

// masked ifs after a store, in a uniform loop, with a declaration and an
// integer condition; a uniform variable one of them sets becomes varying;
// the lanes past n load nothing
__global__ void afterStores(const float* in, float* first, float* out, int n)
{
    int t = threadIdx.x, i = blockIdx.x * blockDim.x + t;
    float v = 0.5f * (float)t;
    first[i] = v;
    for (int k = 0; k < 3; k++) {
        if ((t & 3) == k) v += 1.5f * (float)(k + 1);
        if (t & 2) {
            float w = v * 0.25f;
            v = w + (float)k;
        }
    }
    float u = 2.0f; // uniform until the masked if sets it in some lanes
    if (t & 1) u = 3.0f;
    v += u;
    if (i < n) v += in[i];
    if (t > 9) v -= in[i - 10];
    out[i] = v;
}
