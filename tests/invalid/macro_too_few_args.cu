// expect: 8:38: macro 'F' requires 2 arguments, but only 1 given
// A function-like macro invoked with too few arguments: the diagnostic
// points at the closing parenthesis, as clang's does.
#define F(a, b) ((a) * (b))

__global__ void k(float* x)
{
    x[threadIdx.x] = F(x[threadIdx.x]);
}
