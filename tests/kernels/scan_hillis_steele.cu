// scan_hillis_steele.cu: exercises the Hillis-Steele inclusive scan with a
// double-buffered shared array (ping-pong index), and an exclusive variant
// obtained by shifting.
// launch: scanHillisSteele --grid 1 --block 512 f32[512]=fill:1 f32[512]=zeros i32:512
// launch: scanHillisSteele --grid 1 --block 512 f32[300]=rand:2 f32[300]=zeros i32:300
// launch: exclusiveScanHS --grid 1 --block 256 i32[256]=iota i32[256]=zeros i32:256
#include <cuda_runtime.h>

#define MAX_N 512

__global__ void scanHillisSteele(const float* in, float* out, int n)
{
    __shared__ float temp[2][MAX_N];
    int tid = threadIdx.x;
    int pout = 0, pin = 1;
    temp[pout][tid] = (tid < n) ? in[tid] : 0.0f;
    __syncthreads();
    for (int offset = 1; offset < n; offset *= 2) {
        pout = 1 - pout;
        pin = 1 - pout;
        if (tid >= offset)
            temp[pout][tid] = temp[pin][tid] + temp[pin][tid - offset];
        else
            temp[pout][tid] = temp[pin][tid];
        __syncthreads();
    }
    if (tid < n) out[tid] = temp[pout][tid];
}

__global__ void exclusiveScanHS(const int* in, int* out, int n)
{
    __shared__ int buf[2][256];
    int tid = threadIdx.x;
    int cur = 0;
    buf[cur][tid] = (tid > 0 && tid < n) ? in[tid - 1] : 0;
    __syncthreads();
    for (int offset = 1; offset < blockDim.x; offset <<= 1) {
        int v = buf[cur][tid];
        if (tid >= offset) v += buf[cur][tid - offset];
        buf[cur ^ 1][tid] = v;
        cur ^= 1;
        __syncthreads();
    }
    if (tid < n) out[tid] = buf[cur][tid];
}
