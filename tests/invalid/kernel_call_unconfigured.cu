// expect: 7:5: a __global__ function call must be configured
// A kernel called like a device function from device code: CUDA needs a
// launch configuration (`child<<<g, b>>>(…)`), as nvcc says.
__global__ void child(int* out) { out[threadIdx.x] = 1; }

__global__ void parent(int* out) {
    child(out);
}
