// expect: 11:9: 'continue' statement not in loop statement
// continue inside a switch that is not inside any loop.
__global__ void classify(const int* op, float* x)
{
    int i = threadIdx.x;
    switch (op[i]) {
    case 0:
        x[i] = 0.0f;
        break;
    case 1:
        continue;
    default:
        x[i] = -x[i];
    }
}
