// expect: 6:6: member reference base type 'int' is not a structure
// Using -> on a pointer to int.
__global__ void k(int* data)
{
    int* p = data + threadIdx.x;
    p->value = 0;
}
