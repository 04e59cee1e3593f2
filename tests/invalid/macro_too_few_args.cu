// expect: 7:22: macro 'F' requires 2 arguments, but only 1 given
// A function-like macro invoked with too few arguments.
#define F(a, b) ((a) * (b))

__global__ void k(float* x)
{
    x[threadIdx.x] = F(x[threadIdx.x]);
}
