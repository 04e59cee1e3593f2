// expect: 5:34: error: 'depth' calls itself (directly or through other functions): GLSL has no recursion
// A recursive device function: CUDA allows it, GLSL does not.
__device__ int depth(const int *next, int i)
{
    return next[i] < 0 ? 0 : 1 + depth(next, next[i]);
}

__global__ void listDepth(const int *next, int *out)
{
    out[threadIdx.x] = depth(next, threadIdx.x);
}
