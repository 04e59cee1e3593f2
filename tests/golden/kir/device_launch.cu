// device_launch.cu: launches from device code in KIR: the configuration
// made explicit (an integer size as dim3(n, 1, 1), no shared memory or
// stream as 0), the arguments converted to the kernel's parameter types,
// a template kernel launched from a device function; device-side
// cudaGetLastError as the device runtime builtin behind the header's
// function.
template <typename T> __global__ void fill(T *p, T v) { p[blockIdx.x * blockDim.x + threadIdx.x] = v; }

__device__ void spawn(float *p, int n) { fill<<<dim3(n / 32, 1), 32, 0, cudaStreamFireAndForget>>>(p, 1.0f); }

__global__ void parent(float *p, int n, int *err) {
  if (threadIdx.x == 0) {
    spawn(p, n);
    fill<float><<<1, 32, 64>>>(p + n, 2.0f);
    *err = (int)cudaGetLastError();
  }
}
