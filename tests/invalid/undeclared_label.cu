// expect: 8:18: use of undeclared label 'done'
// goto to a label that does not exist (misspelt).
__global__ void find(const int* a, int* pos, int n, int key)
{
    int i;
    for (i = 0; i < n; ++i)
        if (a[i] == key)
            goto done;
    i = -1;
finished:
    pos[threadIdx.x] = i;
}
