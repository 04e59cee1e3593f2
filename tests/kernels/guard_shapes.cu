// guard_shapes.cu: range guards in 2-D and 3-D grids whose edges cut
// blocks in every direction (the CPU backend decides all/none/some of a
// block from its first and last thread when the guard is monotone).
// launch: guard2d --grid 3,4 --block 8,4 i32[300]=zeros i32:20 i32:15
// launch: earlyExit2d --grid 3,3 --block 8,8 f32[484]=zeros i32:22 i32:22
// launch: guard3d --grid 2,2,3 --block 4,4,2 i32[245]=zeros i32:7 i32:7 i32:5
// launch: mixedGuard --grid 2,2 --block 8,8 i32[256]=zeros i32:13
// launch: crossMark --grid 3,3 --block 8,8 i32[576]=zeros i32:10 i32:17
// launch: crossMark --grid 3,3 --block 8,8 i32[576]=zeros i32:-4 i32:30
#include <cuda_runtime.h>

__global__ void guard2d(int* out, int w, int h)
{
    int x = blockIdx.x * blockDim.x + threadIdx.x;
    int y = blockIdx.y * blockDim.y + threadIdx.y;
    if (x < w && y < h) out[y * w + x] = 1000 * y + x;
}

__global__ void earlyExit2d(float* out, int w, int h)
{
    int x = blockIdx.x * blockDim.x + threadIdx.x;
    int y = blockIdx.y * blockDim.y + threadIdx.y;
    if (x >= w || y >= h) return;
    out[y * w + x] = 0.5f * x + y;
}

__global__ void guard3d(int* out, int nx, int ny, int nz)
{
    int x = blockIdx.x * blockDim.x + threadIdx.x;
    int y = blockIdx.y * blockDim.y + threadIdx.y;
    int z = blockIdx.z * blockDim.z + threadIdx.z;
    if (x < nx && y < ny && z < nz) out[(z * ny + y) * nx + x] = x + 10 * y + 100 * z;
}

// rises in y, falls in x: not monotone as a whole (counted per thread)
__global__ void mixedGuard(int* out, int n)
{
    int x = blockIdx.x * blockDim.x + threadIdx.x;
    int y = blockIdx.y * blockDim.y + threadIdx.y;
    if (x < n && y >= 3) out[y * 16 + x] = x * y + 1;
}

// equality tests: a block is all-in, all-out or mixed depending on whether
// the marked row/column crosses it
__global__ void crossMark(int* out, int cx, int cy)
{
    int x = blockIdx.x * blockDim.x + threadIdx.x;
    int y = blockIdx.y * blockDim.y + threadIdx.y;
    if (x == cx || y == cy) out[y * 24 + x] = 1;
    else if (x != cx + 1) out[y * 24 + x] = 2;
}
