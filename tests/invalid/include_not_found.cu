// expect: 3:10: 'nothere.h' file not found
// Including a header that does not exist.
#include "nothere.h"

__global__ void k(float* x)
{
    x[threadIdx.x] = 0.0f;
}
