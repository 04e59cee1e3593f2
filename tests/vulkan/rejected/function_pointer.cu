// expect: 6:30: error: the Vulkan target does not support taking the address of a function (pointers to functions)
__device__ float twice(float x) { return 2.0f * x; }
__device__ float half(float x) { return 0.5f * x; }
__global__ void scale(float *v, int up) {
    int i = threadIdx.x;
    float (*f)(float) = up ? twice : half;
    v[i] = f(v[i]);
}
