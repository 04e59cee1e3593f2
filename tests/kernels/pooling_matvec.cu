// pooling_matvec.cu: exercises 2x2 max pooling with argmax indices (fmaxf and
// an explicit compare chain), average pooling over NCHW tensors with a 3-D
// grid (blockIdx.z = channel), and a warp-per-row matrix-vector product.
// launch: maxPool2x2 --grid 2,2,3 --block 16,16 f32[12288]=rand:431 f32[3072]=zeros i32[3072]=zeros i32:64 i32:64
// launch: avgPool2x2 --grid 2,2,3 --block 16,16 f32[12288]=rand:432 f32[3072]=zeros i32:64 i32:64
// launch: matVecWarp --grid 16 --block 128 f32[16384]=rand:433 f32[256]=rand:434 f32[64]=zeros i32:64 i32:256
#include <cuda_runtime.h>

// in: C x H x W; out: C x H/2 x W/2
__global__ void maxPool2x2(const float* in, float* out, int* argmax, int H, int W)
{
    int ox = blockIdx.x * blockDim.x + threadIdx.x;
    int oy = blockIdx.y * blockDim.y + threadIdx.y;
    int c = blockIdx.z;
    int OH = H / 2, OW = W / 2;
    if (ox >= OW || oy >= OH) return;
    const float* plane = in + c * H * W;
    int best = (2 * oy) * W + 2 * ox;
    float m = plane[best];
    for (int dy = 0; dy < 2; ++dy)
        for (int dx = 0; dx < 2; ++dx) {
            int idx = (2 * oy + dy) * W + 2 * ox + dx;
            if (plane[idx] > m) { m = plane[idx]; best = idx; }
        }
    out[(c * OH + oy) * OW + ox] = m;
    argmax[(c * OH + oy) * OW + ox] = best;
}

__global__ void avgPool2x2(const float* in, float* out, int H, int W)
{
    int ox = blockIdx.x * blockDim.x + threadIdx.x;
    int oy = blockIdx.y * blockDim.y + threadIdx.y;
    int c = blockIdx.z;
    int OH = H >> 1, OW = W >> 1;
    if (ox < OW && oy < OH) {
        const float* p = in + (size_t)c * H * W + (2 * oy) * W + 2 * ox;
        out[(c * OH + oy) * OW + ox] = 0.25f * (p[0] + p[1] + p[W] + p[W + 1]);
    }
}

// y[rows] = A[rows x cols] * x[cols]
__global__ void matVecWarp(const float* A, const float* x, float* y, int rows, int cols)
{
    int row = (blockIdx.x * blockDim.x + threadIdx.x) >> 5;
    int lane = threadIdx.x & 31;
    if (row >= rows) return;
    float s = 0.0f;
    for (int c = lane; c < cols; c += 32) s += A[row * cols + c] * x[c];
    s += __shfl_xor_sync(0xffffffff, s, 16);
    s += __shfl_xor_sync(0xffffffff, s, 8);
    s += __shfl_xor_sync(0xffffffff, s, 4);
    s += __shfl_xor_sync(0xffffffff, s, 2);
    s += __shfl_xor_sync(0xffffffff, s, 1);
    if (lane == 0) y[row] = s;
}
