// expect: 7:22: unterminated argument list invoking macro 'F'
// A macro invocation whose argument list never closes.
#define F(a, b) ((a) + (b))

__global__ void k(float* x)
{
    x[threadIdx.x] = F(x[threadIdx.x], 1.0f;
}
