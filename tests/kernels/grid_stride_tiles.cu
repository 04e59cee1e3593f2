// grid_stride_tiles.cu: grid-stride loops whose bodies are independent
// between threads and carry a value per thread from round to round (sums,
// a counter), with `<` and `<=`
// bounds, one-dimensional blocks of a multiple of 64 threads and of not,
// a two-dimensional block, sizes that leave a partial last round, and
// sizes one short of a whole round (767 = 2 * 384 - 1; 1534 = 2 * 768 - 2
// with `<=`), where a count of full rounds one too high would show.  The
// CPU backend runs the rounds every thread takes 64 threads at a time
// (emit/c_fission.c's emit_strided_tiles), then the rest round by round.
// launch: tileSums --grid 3 --block 128 f32[1000]=rand:11 f32[384]=zeros i32:1000
// launch: tileSums --grid 2 --block 96 f32[777]=rand:12 f32[192]=zeros i32:777
// launch: tileSums --grid 5 --block 64 f32[5000]=rand:13 f32[320]=zeros i32:5000
// launch: tileSums --grid 4 --block 256 f32[100]=rand:16 f32[1024]=zeros i32:100
// launch: tileSums --grid 3 --block 128 f32[800]=rand:17 f32[384]=zeros i32:767
// launch: tileScaleLe --grid 4 --block 192 f32[3001]=rand:14 i32:3000 f32:0.5
// launch: tileScaleLe --grid 4 --block 192 f32[1600]=rand:18 i32:1534 f32:0.25
// launch: tileSums2d --grid 2 --block 32,4 f32[999]=rand:15 f32[256]=zeros i32:999
#include <cuda_runtime.h>

__global__ void tileSums(const float* x, float* sums, int n)
{
    int tid = blockIdx.x * blockDim.x + threadIdx.x;
    float s = 0.0f, m = -1.0f;
    for (int i = tid; i < n; i += blockDim.x * gridDim.x) {
        s += x[i];
        m = fmaxf(m, x[i]);
    }
    sums[tid] = s + m;
}

__global__ void tileScaleLe(float* y, int last, float a)
{
    float c = 1.0f; // carried from round to round: the loop is tiled
    for (int i = blockIdx.x * blockDim.x + threadIdx.x; i <= last; i += blockDim.x * gridDim.x) {
        y[i] = a * y[i] + c;
        c += 1.0f;
    }
}

__global__ void tileSums2d(const float* x, float* sums, int n)
{
    int tid = blockIdx.x * blockDim.x * blockDim.y + threadIdx.y * blockDim.x + threadIdx.x;
    float s = 0.0f;
    for (int i = tid; i < n; i += blockDim.x * blockDim.y * gridDim.x) s += x[i];
    sums[tid] = s;
}
