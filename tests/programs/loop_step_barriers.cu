// loop_step_barriers.cu — barriers and warp collectives in a for loop's
// step: a call of a device function that synchronises the block (and
// returns early), a `continue` that must still run the step and a `break`
// that must skip it; and a butterfly shuffle written in the step.  Barrier
// fission moves such a step to the end of the loop's body.  The first
// kernel is checked against the same loop written without a step, the
// shuffle against the host's evaluation of CUDA's definition.
#include "common.h"

#include <vector>

enum { BLOCK = 96, GRID = 2, N = BLOCK * GRID, WBLOCK = 64, WN = WBLOCK * GRID };

__device__ int advance(int* s, int i) {
    __syncthreads();
    s[threadIdx.x] += i;
    __syncthreads();
    if (i > 5) return i + 3;
    return i + 1;
}

__global__ void stepCall(const int* in, int* out) {
    __shared__ int s[BLOCK];
    int g = blockIdx.x * blockDim.x + threadIdx.x;
    s[threadIdx.x] = in[g];
    int acc = 0;
    for (int i = 0; i < 20; i = advance(s, i)) {
        if (i == 9 && (threadIdx.x & 1)) continue;
        acc += s[(threadIdx.x + i) % blockDim.x];
        if (i == 12) break;
    }
    out[g] = acc;
}

// the same loop written without a call in its step
__global__ void stepCallRef(const int* in, int* out) {
    __shared__ int s[BLOCK];
    int g = blockIdx.x * blockDim.x + threadIdx.x;
    s[threadIdx.x] = in[g];
    int acc = 0;
    int i = 0;
    while (i < 20) {
        if (!(i == 9 && (threadIdx.x & 1))) {
            acc += s[(threadIdx.x + i) % blockDim.x];
            if (i == 12) break;
        }
        i = advance(s, i);
    }
    out[g] = acc;
}

__global__ void stepShfl(const int* in, int* out) {
    int g = blockIdx.x * blockDim.x + threadIdx.x;
    int v = in[g], n = 0;
    for (int k = 1; k < 32; k <<= 1, v += __shfl_xor_sync(0xffffffffu, v, k)) {
        if (k == 8) continue;
        n++;
    }
    out[g] = v * 1000 + n;
}

int main() {
    std::vector<int> in(N), a(N), b(N), w(WN);
    for (int i = 0; i < N; i++) in[i] = (i * 37) % 101 - 20;
    int *din, *da, *db, *dw;
    CHECK(cudaMalloc(&din, N * sizeof(int)));
    CHECK(cudaMalloc(&da, N * sizeof(int)));
    CHECK(cudaMalloc(&db, N * sizeof(int)));
    CHECK(cudaMalloc(&dw, WN * sizeof(int)));
    CHECK(cudaMemcpy(din, in.data(), N * sizeof(int), cudaMemcpyHostToDevice));
    stepCall<<<GRID, BLOCK>>>(din, da);
    stepCallRef<<<GRID, BLOCK>>>(din, db);
    stepShfl<<<GRID, WBLOCK>>>(din, dw);
    CHECK(cudaGetLastError());
    CHECK(cudaMemcpy(a.data(), da, N * sizeof(int), cudaMemcpyDeviceToHost));
    CHECK(cudaMemcpy(b.data(), db, N * sizeof(int), cudaMemcpyDeviceToHost));
    CHECK(cudaMemcpy(w.data(), dw, WN * sizeof(int), cudaMemcpyDeviceToHost));
    int errors = 0;
    for (int i = 0; i < N; i++)
        if (a[i] != b[i] && errors++ < 10) printf("stepCall[%d] = %d, expected %d\n", i, a[i], b[i]);
    for (int warp = 0; warp < WN / 32; warp++) {
        int v[32], n = 0;
        for (int l = 0; l < 32; l++) v[l] = in[warp * 32 + l];
        for (int k = 1; k < 32;) {
            if (k != 8) n++;
            k <<= 1; // the step: k first, then the shuffle with the new k
            int old[32];
            for (int l = 0; l < 32; l++) old[l] = v[l];
            for (int l = 0; l < 32; l++) v[l] += (l ^ k) < 32 ? old[l ^ k] : old[l];
        }
        for (int l = 0; l < 32; l++) {
            int want = v[l] * 1000 + n, got = w[warp * 32 + l];
            if (got != want && errors++ < 10) printf("stepShfl[%d] = %d, expected %d\n", warp * 32 + l, got, want);
        }
    }
    CHECK(cudaFree(din));
    CHECK(cudaFree(da));
    CHECK(cudaFree(db));
    CHECK(cudaFree(dw));
    return verdict("loop_step_barriers", errors);
}
