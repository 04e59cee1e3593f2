// expect: 10:5: cudaDeviceSynchronize() in device code (waiting for child grids) was removed in CUDA 12
// A kernel that waits for the grid it launched: CDP1's device-side
// cudaDeviceSynchronize(), which CUDA 12 (CDP2) removed; nvcc 12+ rejects
// it too.  The launch itself is fine.
__global__ void child(int* out, int base) { out[base + threadIdx.x] = base; }

__global__ void parent(int* out)
{
    if (threadIdx.x == 0) child<<<1, 4>>>(out, blockIdx.x * 4);
    cudaDeviceSynchronize();
    out[0] += 1;
}
