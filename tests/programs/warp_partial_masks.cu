// warp_partial_masks.cu — warp functions where not every lane of a warp
// takes part: blocks of 48 threads (the second warp has 16 lanes), votes,
// matches (a float one compares bits: -0.0 and 0.0 differ) and reductions
// inside a branch that two lanes in three take, with the branch's ballot
// as their mask; shuffles with a width; and
// __syncthreads_count.  The host recomputes every result from CUDA's
// definitions and compares.
#include "common.h"

#include <vector>

enum { BLOCK = 48, GRID = 3, N = BLOCK * GRID, OUTS = 13 };

__global__ void partialMasks(const int* in, int* out) {
    int t = blockIdx.x * blockDim.x + threadIdx.x;
    int v = in[t];
    int* o = out + t * OUTS;
    for (int k = 0; k < OUTS; k++) o[k] = -7;
    unsigned part = __ballot_sync(0xffffffffu, threadIdx.x % 3 != 0);
    o[0] = (int)part;
    o[1] = __shfl_down_sync(0xffffffffu, v, 3, 8);
    o[2] = __shfl_up_sync(0xffffffffu, v, 5, 16);
    o[3] = __shfl_xor_sync(0xffffffffu, v, 6);
    if (threadIdx.x % 3 != 0) {
        o[4] = (int)__ballot_sync(part, v & 1);
        o[5] = __any_sync(part, v > 90) + 2 * __all_sync(part, v > -90) + 4 * __uni_sync(part, v > 1000);
        o[6] = (int)__activemask();
        o[7] = __reduce_add_sync(part, v);
        o[8] = __reduce_min_sync(part, v);
        o[9] = __reduce_max_sync(part, v);
        o[10] = (int)__match_any_sync(part, v % 4);
        int pred = 0;
        unsigned all = __match_all_sync(part, v / 1000, &pred);
        o[11] = (int)all + pred;
        o[12] = (int)__match_any_sync(part, threadIdx.x % 2 ? 0.0f : -0.0f); // by bits: -0.0 != 0.0
    }
    int c = __syncthreads_count(v % 5 == 0);
    if (threadIdx.x == 0) o[0] += c << 24;
}

// host side: CUDA's definitions, warp by warp
static int lane_value(const std::vector<int>& in, int block, int lane_id) {
    return in[block * BLOCK + lane_id];
}

int main() {
    std::vector<int> in(N), out(N * OUTS);
    unsigned seed = 12345;
    for (int i = 0; i < N; i++) {
        seed = seed * 1103515245u + 12345u;
        in[i] = (int)((seed >> 16) % 201) - 100; // -100 .. 100
    }
    int *din, *dout;
    CHECK(cudaMalloc(&din, N * sizeof(int)));
    CHECK(cudaMalloc(&dout, N * OUTS * sizeof(int)));
    CHECK(cudaMemcpy(din, in.data(), N * sizeof(int), cudaMemcpyHostToDevice));
    partialMasks<<<GRID, BLOCK>>>(din, dout);
    CHECK(cudaGetLastError());
    CHECK(cudaMemcpy(out.data(), dout, N * OUTS * sizeof(int), cudaMemcpyDeviceToHost));
    int errors = 0;
    for (int b = 0; b < GRID; b++) {
        int count = 0;
        for (int x = 0; x < BLOCK; x++) count += lane_value(in, b, x) % 5 == 0;
        for (int x = 0; x < BLOCK; x++) {
            int w = x / 32 * 32, lane = x % 32, nlanes = BLOCK - w < 32 ? BLOCK - w : 32;
            int v = lane_value(in, b, x);
            unsigned part = 0;
            for (int j = 0; j < nlanes; j++)
                if ((w + j) % 3 != 0) part |= 1u << j;
            int want[OUTS];
            for (int k = 0; k < OUTS; k++) want[k] = -7;
            want[0] = (int)part + (x == 0 ? count << 24 : 0);
            int d = lane % 8 + 3 < 8 ? lane + 3 : lane;
            want[1] = d < nlanes ? lane_value(in, b, w + d) : v;
            int u = lane % 16 >= 5 ? lane - 5 : lane;
            want[2] = lane_value(in, b, w + u);
            int xo = lane ^ 6;
            want[3] = xo < nlanes ? lane_value(in, b, w + xo) : v;
            if (x % 3 != 0) {
                unsigned bal = 0, any = 0, all = 1, big = 0, same = 0, sign = 0;
                long long sum = 0;
                int mn = v, mx = v, ref = lane_value(in, b, w + __builtin_ctz(part)) / 1000;
                bool match_all = true;
                for (int j = 0; j < nlanes; j++) {
                    if (!((part >> j) & 1)) continue;
                    int y = lane_value(in, b, w + j);
                    if (y & 1) bal |= 1u << j;
                    any |= y > 90;
                    all &= y > -90;
                    big |= y > 1000;
                    sum += y;
                    if (y < mn) mn = y;
                    if (y > mx) mx = y;
                    if (y % 4 == v % 4) same |= 1u << j;
                    if (y / 1000 != ref) match_all = false;
                    if ((w + j) % 2 == x % 2) sign |= 1u << j;
                }
                want[4] = (int)bal;
                want[5] = (int)any + 2 * (int)all + 4 * (big == 0); // none > 1000: uniform
                want[6] = (int)part;
                want[7] = (int)sum;
                want[8] = mn;
                want[9] = mx;
                want[10] = (int)same;
                want[11] = match_all ? (int)part + 1 : 0;
                want[12] = (int)sign;
            }
            for (int k = 0; k < OUTS; k++) {
                int got = out[(b * BLOCK + x) * OUTS + k];
                if (got != want[k] && errors++ < 10)
                    printf("block %d thread %d out[%d]: %d, expected %d\n", b, x, k, got, want[k]);
            }
        }
    }
    CHECK(cudaFree(din));
    CHECK(cudaFree(dout));
    return verdict("warp_partial_masks", errors);
}
