// expect: 4:2: invalid preprocessing directive #foo
// An unknown directive in active code.
#define N 256
#foo N

__global__ void k(float* x) { x[threadIdx.x % N] = 0.0f; }
