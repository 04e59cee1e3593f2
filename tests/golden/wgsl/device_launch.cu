// device_launch.cu: a kernel that launches a kernel (dynamic parallelism)
// or calls the device runtime API needs a scheduler of grids that WGSL
// lacks: the kernel is not emitted and the diagnostic names the construct;
// the child kernel itself, and the kernel beside them, are emitted.
__global__ void child(int *out, int base) { out[base + threadIdx.x] = base; }

__global__ void parent(int *out) {
  if (threadIdx.x == 0) child<<<1, 4>>>(out, blockIdx.x * 4);
}

__global__ void lastError(int *out) { out[0] = (int)cudaGetLastError(); }
