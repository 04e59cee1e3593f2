// kernels.cu — the CUDA side of bench_cpu: eight kernels as CUDA users
// write them, run through cuwasm's CPU backend.  kernels.cl holds the same
// algorithms in OpenCL C (for PoCL) and omp.c the hand-written OpenMP C.

#define TILE 16
#define BLOCK 256

__global__ void saxpy(int n, float a, const float* __restrict__ x, float* __restrict__ y)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) y[i] = a * x[i] + y[i];
}

// C = A * B, n x n, n a multiple of TILE.
__global__ void sgemm(const float* A, const float* B, float* C, int n)
{
    __shared__ float As[TILE][TILE];
    __shared__ float Bs[TILE][TILE];
    int tx = threadIdx.x, ty = threadIdx.y;
    int row = blockIdx.y * TILE + ty, col = blockIdx.x * TILE + tx;
    float acc = 0.0f;
    for (int t = 0; t < n; t += TILE) {
        As[ty][tx] = A[row * n + t + tx];
        Bs[ty][tx] = B[(t + ty) * n + col];
        __syncthreads();
        for (int k = 0; k < TILE; ++k) acc += As[ty][k] * Bs[k][tx];
        __syncthreads();
    }
    C[row * n + col] = acc;
}

// One partial sum per block (grid-stride loads, shared-memory tree).
__global__ void reduce(const float* in, float* partial, int n)
{
    __shared__ float s[BLOCK];
    int t = threadIdx.x;
    float v = 0.0f;
    for (int i = blockIdx.x * BLOCK + t; i < n; i += BLOCK * gridDim.x) v += in[i];
    s[t] = v;
    __syncthreads();
    for (int k = BLOCK / 2; k > 0; k >>= 1) {
        if (t < k) s[t] += s[t + k];
        __syncthreads();
    }
    if (t == 0) partial[blockIdx.x] = s[0];
}

// 256-bin byte histogram privatised per block in shared memory.
__global__ void histogram(const unsigned char* data, unsigned int* hist, int n)
{
    __shared__ unsigned int local[256];
    for (int b = threadIdx.x; b < 256; b += blockDim.x) local[b] = 0;
    __syncthreads();
    for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x)
        atomicAdd(&local[data[i]], 1u);
    __syncthreads();
    for (int b = threadIdx.x; b < 256; b += blockDim.x) atomicAdd(&hist[b], local[b]);
}

// 5-point Jacobi step on the interior of a w x h grid (borders copied).
__global__ void stencil2d(const float* in, float* out, int w, int h)
{
    int x = blockIdx.x * blockDim.x + threadIdx.x;
    int y = blockIdx.y * blockDim.y + threadIdx.y;
    if (x >= w || y >= h) return;
    int i = y * w + x;
    if (x == 0 || y == 0 || x == w - 1 || y == h - 1) { out[i] = in[i]; return; }
    out[i] = 0.2f * (in[i] + in[i - 1] + in[i + 1] + in[i - w] + in[i + w]);
}

// out (w x h) = transpose of in (h x w), 32x32 tiles padded by one column.
__global__ void transpose(const float* in, float* out, int w, int h)
{
    __shared__ float tile[32][33];
    int x = blockIdx.x * 32 + threadIdx.x, y = blockIdx.y * 32 + threadIdx.y;
    for (int j = 0; j < 32; j += 8) tile[threadIdx.y + j][threadIdx.x] = in[(y + j) * w + x];
    __syncthreads();
    x = blockIdx.y * 32 + threadIdx.x;
    y = blockIdx.x * 32 + threadIdx.y;
    for (int j = 0; j < 32; j += 8) out[(y + j) * h + x] = tile[threadIdx.x][threadIdx.y + j];
}

// All-pairs gravitational acceleration, positions tiled through shared memory.
__global__ void nbody(const float4* pos, float4* acc, int n, float eps2)
{
    __shared__ float4 sh[BLOCK];
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    float4 p = pos[i];
    float ax = 0.0f, ay = 0.0f, az = 0.0f;
    for (int t = 0; t < n; t += BLOCK) {
        sh[threadIdx.x] = pos[t + threadIdx.x];
        __syncthreads();
        for (int j = 0; j < BLOCK; ++j) {
            float4 q = sh[j];
            float dx = q.x - p.x, dy = q.y - p.y, dz = q.z - p.z;
            float r2 = dx * dx + dy * dy + dz * dz + eps2;
            float inv = rsqrtf(r2);
            float s = q.w * inv * inv * inv;
            ax += dx * s; ay += dy * s; az += dz * s;
        }
        __syncthreads();
    }
    acc[i] = make_float4(ax, ay, az, 0.0f);
}

// Scan, pass 1: inclusive scan of each BLOCK-element chunk (Hillis-Steele
// in shared memory), chunk totals to sums[].
__global__ void scanBlocks(const float* in, float* out, float* sums)
{
    __shared__ float s[2][BLOCK];
    int t = threadIdx.x, g = blockIdx.x * BLOCK + t, cur = 0;
    s[0][t] = in[g];
    __syncthreads();
    for (int d = 1; d < BLOCK; d <<= 1) {
        float v = s[cur][t];
        if (t >= d) v += s[cur][t - d];
        s[cur ^ 1][t] = v;
        cur ^= 1;
        __syncthreads();
    }
    out[g] = s[cur][t];
    if (t == BLOCK - 1) sums[blockIdx.x] = s[cur][t];
}

// Scan, pass 2: one block turns the chunk totals into exclusive offsets.
__global__ void scanSums(float* sums, int nchunks)
{
    if (threadIdx.x == 0) {
        float run = 0.0f;
        for (int c = 0; c < nchunks; ++c) { float v = sums[c]; sums[c] = run; run += v; }
    }
}

// Scan, pass 3: add each chunk's offset.
__global__ void scanAdd(float* out, const float* sums)
{
    out[blockIdx.x * BLOCK + threadIdx.x] += sums[blockIdx.x];
}

// For the launch-latency figure.
__global__ void empty() {}
