// expect: 6:16: explicit specialization of non-template 'scale'
// Only a template can be explicitly specialized.
__device__ int scale(int x) { return 2 * x; }

template <>
__device__ int scale<int>(int scale);

__global__ void run(int *out) { out[0] = scale(3); }
