// watchdog_spin.cu: a kernel that never ends (it waits for a flag nothing
// sets), run by the CTest exec_watchdog to show that run_exec's watchdog
// names a hanging kernel.  Not part of tests/kernels/: it must hang.
// launch: spin --grid 2 --block 32 i32[1]=zeros i32[64]=zeros
#include <cuda_runtime.h>

__global__ void spin(volatile int* flag, int* out)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    while (flag[0] == 0) out[i] += 1;
}
