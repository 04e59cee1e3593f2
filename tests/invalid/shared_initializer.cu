// expect: 5:20: initializer not allowed for __shared__ variable
// __shared__ variables cannot be initialised in their declaration.
__global__ void countPositive(const int* x, int* out)
{
    __shared__ int count = 0;
    if (x[threadIdx.x] > 0)
        atomicAdd(&count, 1);
    __syncthreads();
    if (threadIdx.x == 0)
        out[blockIdx.x] = count;
}
