// expect: 5:22: array size must be a constant expression
// A shared array sized by a runtime parameter.
__global__ void reverse(int* d, int n)
{
    __shared__ int s[n];
    int t = threadIdx.x;
    s[t] = d[t];
    __syncthreads();
    d[t] = s[n - t - 1];
}
