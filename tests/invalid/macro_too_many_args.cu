// expect: 9:32: macro 'SQ' passed 2 arguments, but takes just 1
// A function-like macro invoked with an extra argument: the diagnostic
// points at the first extra argument, as clang's does.
#define SQ(a) ((a) * (a))

__global__ void square(float* x, int n)
{
    int i = threadIdx.x;
    if (i < n) x[i] = SQ(x[i], x[i] + 1.0f);
}
