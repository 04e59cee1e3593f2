// expect: 10:10: duplicate case value
// The same case label twice.
__global__ void op(const int* code, float* x)
{
    int i = threadIdx.x;
    switch (code[i]) {
    case 0: x[i] += 1.0f; break;
    case 1: x[i] -= 1.0f; break;
    case 2: x[i] *= 2.0f; break;
    case 1: x[i] = 0.0f; break;
    }
}
