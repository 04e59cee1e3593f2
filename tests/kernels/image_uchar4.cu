// image_uchar4.cu: exercises image kernels on packed uchar4 pixels: RGBA to
// grayscale with float weights and __float2uint_rn, per-channel brightness
// with saturation via min/max, make_uchar4, and a horizontal flip.
// launch: rgbaToGray --grid 4,4 --block 16,16 u8[16384]=rand:381 u8[4096]=zeros i32:64 i32:64
// launch: brighten --grid 16 --block 256 u8[16384]=rand:382 i32:4096 i32:40
// launch: flipHorizontal --grid 4,4 --block 16,16 u8[16384]=rand:383 u8[16384]=zeros i32:64 i32:64
#include <cuda_runtime.h>

__global__ void rgbaToGray(const uchar4* rgba, unsigned char* gray, int width, int height)
{
    int x = blockIdx.x * blockDim.x + threadIdx.x;
    int y = blockIdx.y * blockDim.y + threadIdx.y;
    if (x < width && y < height) {
        uchar4 p = rgba[y * width + x];
        float g = 0.299f * p.x + 0.587f * p.y + 0.114f * p.z;
        gray[y * width + x] = (unsigned char)__float2uint_rn(g);
    }
}

__device__ inline unsigned char sat(int v) { return (unsigned char)min(max(v, 0), 255); }

__global__ void brighten(uchar4* px, int n, int delta)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;
    uchar4 p = px[i];
    px[i] = make_uchar4(sat(p.x + delta), sat(p.y + delta), sat(p.z + delta), p.w);
}

__global__ void flipHorizontal(const uchar4* in, uchar4* out, int width, int height)
{
    int x = blockIdx.x * blockDim.x + threadIdx.x;
    int y = blockIdx.y * blockDim.y + threadIdx.y;
    if (x < width && y < height) out[y * width + (width - 1 - x)] = in[y * width + x];
}
