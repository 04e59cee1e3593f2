// expect: 9:14: use of undeclared identifier 'k'
// Using a for-loop variable after its scope has ended.
__global__ void lastIndex(const int* a, int* out, int n)
{
    for (int k = 0; k < n; ++k) {
        if (a[k] < 0)
            break;
    }
    out[0] = k;
}
