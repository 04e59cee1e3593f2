// expect: 6:19: expected expression
// A dangling binary operator.
__global__ void add(const float* a, const float* b, float* c)
{
    int i = threadIdx.x;
    c[i] = a[i] + ;
    (void)b;
}
