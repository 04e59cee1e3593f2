// expect: 7:12: missing terminating '"' character
// A string literal missing its closing quote.
#include <cstdio>

__global__ void hello()
{
    printf("hello from %d\n, threadIdx.x);
}
