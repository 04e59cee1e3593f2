// exec_limits.cu: the runner's own limits (CTest exec_limits, through
// check_limits.sh): 20 launch lines (the runner once read only the first
// 16 of a file, silently), a line with more arguments than REF_MAX_ARGS,
// and a reference naming more globals than REF_MAX_GLOBALS; the last two
// must fail naming the limit, never run truncated.
// launch: copy --grid 1 --block 64 i32[64]=rand:1 i32[64]=zeros i32:64
// launch: copy --grid 1 --block 64 i32[64]=rand:2 i32[64]=zeros i32:64
// launch: copy --grid 1 --block 64 i32[64]=rand:3 i32[64]=zeros i32:64
// launch: copy --grid 1 --block 64 i32[64]=rand:4 i32[64]=zeros i32:64
// launch: copy --grid 1 --block 64 i32[64]=rand:5 i32[64]=zeros i32:64
// launch: copy --grid 1 --block 64 i32[64]=rand:6 i32[64]=zeros i32:64
// launch: copy --grid 1 --block 64 i32[64]=rand:7 i32[64]=zeros i32:64
// launch: copy --grid 1 --block 64 i32[64]=rand:8 i32[64]=zeros i32:64
// launch: copy --grid 1 --block 64 i32[64]=rand:9 i32[64]=zeros i32:64
// launch: copy --grid 1 --block 64 i32[64]=rand:10 i32[64]=zeros i32:64
// launch: copy --grid 1 --block 64 i32[64]=rand:11 i32[64]=zeros i32:64
// launch: copy --grid 1 --block 64 i32[64]=rand:12 i32[64]=zeros i32:64
// launch: copy --grid 1 --block 64 i32[64]=rand:13 i32[64]=zeros i32:64
// launch: copy --grid 1 --block 64 i32[64]=rand:14 i32[64]=zeros i32:64
// launch: copy --grid 1 --block 64 i32[64]=rand:15 i32[64]=zeros i32:64
// launch: copy --grid 1 --block 64 i32[64]=rand:16 i32[64]=zeros i32:64
// launch: copy --grid 1 --block 64 i32[64]=rand:17 i32[64]=zeros i32:64
// launch: copy --grid 1 --block 64 i32[64]=rand:18 i32[64]=zeros i32:64
// launch: copy --grid 1 --block 64 i32[64]=rand:19 i32[64]=zeros i32:64
// launch: copy --grid 1 --block 64 i32[64]=rand:20 i32[64]=zeros i32:64
// launch: copy --grid 1 --block 64 i32:1 i32:2 i32:3 i32:4 i32:5 i32:6 i32:7 i32:8 i32:9 i32:10 i32:11 i32:12 i32:13 i32:14 i32:15 i32:16 i32:17 i32:18 i32:19 i32:20 i32:21 i32:22 i32:23 i32:24 i32:25 i32:26 i32:27 i32:28 i32:29 i32:30 i32:31 i32:32 i32:33
// launch: globals --grid 1 --block 16 i32:16
#include <cuda_runtime.h>

__device__ int g[16];

__global__ void copy(const int* a, int* b, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) b[i] = a[i];
}

__global__ void globals(int n)
{
    int i = threadIdx.x;
    if (i < n) g[i] = i;
}
