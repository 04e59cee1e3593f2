// expect: 9:21: device function 'scale_by' is declared but not defined in this file
// expect: 9:38: extern __device__ variable 'bias' is not defined in this file
// Definitions in another file need separate compilation (nvcc -rdc=true);
// a whole-program build has nothing to link them from.
extern __device__ int scale_by(int x);
extern __device__ int bias;
__global__ void apply(int *v, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) v[i] = scale_by(v[i]) + bias;
}
