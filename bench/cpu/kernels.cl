// kernels.cl — the OpenCL C side of bench_cpu: the same eight algorithms
// as kernels.cu, line for line, for PoCL's CPU device.

#define TILE 16
#define BLOCK 256

__kernel void saxpy(int n, float a, __global const float* restrict x, __global float* restrict y)
{
    int i = get_global_id(0);
    if (i < n) y[i] = a * x[i] + y[i];
}

__kernel void sgemm(__global const float* A, __global const float* B, __global float* C, int n)
{
    __local float As[TILE][TILE];
    __local float Bs[TILE][TILE];
    int tx = get_local_id(0), ty = get_local_id(1);
    int row = get_group_id(1) * TILE + ty, col = get_group_id(0) * TILE + tx;
    float acc = 0.0f;
    for (int t = 0; t < n; t += TILE) {
        As[ty][tx] = A[row * n + t + tx];
        Bs[ty][tx] = B[(t + ty) * n + col];
        barrier(CLK_LOCAL_MEM_FENCE);
        for (int k = 0; k < TILE; ++k) acc += As[ty][k] * Bs[k][tx];
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    C[row * n + col] = acc;
}

__kernel void reduce(__global const float* in, __global float* partial, int n)
{
    __local float s[BLOCK];
    int t = get_local_id(0);
    float v = 0.0f;
    for (int i = get_group_id(0) * BLOCK + t; i < n; i += BLOCK * get_num_groups(0)) v += in[i];
    s[t] = v;
    barrier(CLK_LOCAL_MEM_FENCE);
    for (int k = BLOCK / 2; k > 0; k >>= 1) {
        if (t < k) s[t] += s[t + k];
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    if (t == 0) partial[get_group_id(0)] = s[0];
}

__kernel void histogram(__global const uchar* data, __global uint* hist, int n)
{
    __local uint local_[256];
    int lid = get_local_id(0), ls = get_local_size(0);
    for (int b = lid; b < 256; b += ls) local_[b] = 0;
    barrier(CLK_LOCAL_MEM_FENCE);
    for (int i = get_global_id(0); i < n; i += get_global_size(0)) atomic_inc(&local_[data[i]]);
    barrier(CLK_LOCAL_MEM_FENCE);
    for (int b = lid; b < 256; b += ls) atomic_add(&hist[b], local_[b]);
}

__kernel void stencil2d(__global const float* in, __global float* out, int w, int h)
{
    int x = get_global_id(0), y = get_global_id(1);
    if (x >= w || y >= h) return;
    int i = y * w + x;
    if (x == 0 || y == 0 || x == w - 1 || y == h - 1) { out[i] = in[i]; return; }
    out[i] = 0.2f * (in[i] + in[i - 1] + in[i + 1] + in[i - w] + in[i + w]);
}

__kernel void transpose(__global const float* in, __global float* out, int w, int h)
{
    __local float tile[32][33];
    int lx = get_local_id(0), ly = get_local_id(1);
    int x = get_group_id(0) * 32 + lx, y = get_group_id(1) * 32 + ly;
    for (int j = 0; j < 32; j += 8) tile[ly + j][lx] = in[(y + j) * w + x];
    barrier(CLK_LOCAL_MEM_FENCE);
    x = get_group_id(1) * 32 + lx;
    y = get_group_id(0) * 32 + ly;
    for (int j = 0; j < 32; j += 8) out[(y + j) * h + x] = tile[lx][ly + j];
}

__kernel void nbody(__global const float4* pos, __global float4* acc, int n, float eps2)
{
    __local float4 sh[BLOCK];
    int i = get_global_id(0), lid = get_local_id(0);
    float4 p = pos[i];
    float ax = 0.0f, ay = 0.0f, az = 0.0f;
    for (int t = 0; t < n; t += BLOCK) {
        sh[lid] = pos[t + lid];
        barrier(CLK_LOCAL_MEM_FENCE);
        for (int j = 0; j < BLOCK; ++j) {
            float4 q = sh[j];
            float dx = q.x - p.x, dy = q.y - p.y, dz = q.z - p.z;
            float r2 = dx * dx + dy * dy + dz * dz + eps2;
            float inv = rsqrt(r2);
            float s = q.w * inv * inv * inv;
            ax += dx * s; ay += dy * s; az += dz * s;
        }
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    acc[i] = (float4)(ax, ay, az, 0.0f);
}

__kernel void scanBlocks(__global const float* in, __global float* out, __global float* sums)
{
    __local float s[2][BLOCK];
    int t = get_local_id(0), g = get_group_id(0) * BLOCK + t, cur = 0;
    s[0][t] = in[g];
    barrier(CLK_LOCAL_MEM_FENCE);
    for (int d = 1; d < BLOCK; d <<= 1) {
        float v = s[cur][t];
        if (t >= d) v += s[cur][t - d];
        s[cur ^ 1][t] = v;
        cur ^= 1;
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    out[g] = s[cur][t];
    if (t == BLOCK - 1) sums[get_group_id(0)] = s[cur][t];
}

__kernel void scanSums(__global float* sums, int nchunks)
{
    if (get_local_id(0) == 0) {
        float run = 0.0f;
        for (int c = 0; c < nchunks; ++c) { float v = sums[c]; sums[c] = run; run += v; }
    }
}

__kernel void scanAdd(__global float* out, __global const float* sums)
{
    out[get_group_id(0) * BLOCK + get_local_id(0)] += sums[get_group_id(0)];
}

__kernel void empty(void) {}
