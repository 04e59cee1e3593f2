// expect: 6:32: expected ')'
// A for header missing its closing parenthesis.
__global__ void prefix(int* a, int n)
{
    if (threadIdx.x != 0) return;
    for (int i = 1; i < n; ++i {
        a[i] += a[i - 1];
    }
}
