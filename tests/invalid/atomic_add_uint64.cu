// expect: 11:9: no matching function for call to 'atomicAdd'
// atomicAdd has an unsigned long long overload but none for unsigned
// long, which is what uint64_t is on LP64 Linux: the two are distinct
// types of one size, so nvcc finds no overload (cast the pointer to
// unsigned long long * to use the 64-bit atomic).
#include <stdint.h>

__global__ void count(uint64_t* total, const int* flags)
{
    if (flags[threadIdx.x])
        atomicAdd(total, (uint64_t)1);
}
