// expect: 9:27: launching kernel 'child' from device code (dynamic parallelism) is not supported yet
// A kernel launched from device code (CUDA dynamic parallelism): cuwasm
// does not run it yet and says so at the launch.  nvcc rejects it too
// without -rdc=true.
__global__ void child(int* out, int base) { out[base + threadIdx.x] = base; }

__global__ void parent(int* out)
{
    if (threadIdx.x == 0) child<<<1, 4>>>(out, blockIdx.x * 4);
}
