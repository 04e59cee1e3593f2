// expect: 7:5: static_assert failed
// expect: 7:5: block size must be a multiple of 32
// A static_assert on a template parameter that fails at instantiation.
template <int BLOCK>
__global__ void reduce(const float* in, float* out)
{
    static_assert(BLOCK % 32 == 0, "block size must be a multiple of 32");
    __shared__ float s[BLOCK];
    s[threadIdx.x] = in[threadIdx.x];
    __syncthreads();
    if (threadIdx.x == 0) out[0] = s[0];
}

template __global__ void reduce<48>(const float*, float*);
