template <typename T, int BLOCK = 256>
__device__ T block_sum(T v) {
  __shared__ T buf[BLOCK];
  buf[threadIdx.x] = v;
  __syncthreads();
#pragma unroll
  for (int s = BLOCK / 2; s > 0; s >>= 1) {
    if (threadIdx.x < s) buf[threadIdx.x] += buf[threadIdx.x + s];
    __syncthreads();
  }
  return buf[0];
}
template <typename T>
__global__ void __launch_bounds__(256) sum(const T *in, T *out) {
  T r = block_sum<T>(in[blockIdx.x * 256 + threadIdx.x]);
  if (threadIdx.x == 0) atomicAdd(out, r);
}
template __global__ void sum<float>(const float *, float *);
template __global__ void sum<int>(const int *, int *);
