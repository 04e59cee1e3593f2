// expect: 8:5: 'case' statement not in switch statement
// A case label left behind after the switch was removed.
__global__ void op(const int* code, float* x)
{
    int i = threadIdx.x;
    if (code[i] == 0) {
        x[i] = 0.0f;
    case 1:
        x[i] = 1.0f;
    }
}
