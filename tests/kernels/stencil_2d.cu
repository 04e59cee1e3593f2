// stencil_2d.cu: exercises a 5-point 2-D stencil with a one-cell halo in a
// 2-D shared tile ((B+2) x (B+2)), edge and corner loads, and clamping at
// the image border.
// launch: laplace2d --grid 4,4 --block 16,16 f32[4096]=rand:8 f32[4096]=zeros i32:64 i32:64
// launch: laplace2d --grid 3,2 --block 16,16 f32[1200]=iota f32[1200]=zeros i32:40 i32:30
#include <cuda_runtime.h>

#define BX 16
#define BY 16

__device__ __forceinline__ int clampi(int v, int lo, int hi)
{
    return v < lo ? lo : (v > hi ? hi : v);
}

__global__ void laplace2d(const float* in, float* out, int width, int height)
{
    __shared__ float tile[BY + 2][BX + 2];
    int x = blockIdx.x * BX + threadIdx.x;
    int y = blockIdx.y * BY + threadIdx.y;
    int lx = threadIdx.x + 1, ly = threadIdx.y + 1;

    int cx = clampi(x, 0, width - 1), cy = clampi(y, 0, height - 1);
    tile[ly][lx] = in[cy * width + cx];
    if (threadIdx.x == 0)
        tile[ly][0] = in[cy * width + clampi(x - 1, 0, width - 1)];
    if (threadIdx.x == BX - 1)
        tile[ly][BX + 1] = in[cy * width + clampi(x + 1, 0, width - 1)];
    if (threadIdx.y == 0)
        tile[0][lx] = in[clampi(y - 1, 0, height - 1) * width + cx];
    if (threadIdx.y == BY - 1)
        tile[BY + 1][lx] = in[clampi(y + 1, 0, height - 1) * width + cx];
    __syncthreads();

    if (x < width && y < height) {
        float c = tile[ly][lx];
        out[y * width + x] = tile[ly - 1][lx] + tile[ly + 1][lx] +
                             tile[ly][lx - 1] + tile[ly][lx + 1] - 4.0f * c;
    }
}
