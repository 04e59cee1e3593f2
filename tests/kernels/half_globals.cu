// half_globals.cu: __half globals initialised from float and integer
// constants.  The compiler converts them itself (CPU backend: C constant
// initializers; Vulkan: the bytes of the globals' buffer), rounding as
// __float2half does: to nearest even, subnormals kept, overflow to
// infinity, NaN → 0x7fff.
// launch: halfGlobals --grid 1 --block 8 u16[8]=zeros
#include <cuda_runtime.h>
#include <cuda_fp16.h>

__constant__ __half table[7] = {0.3f, -1e-6f, 70000.0f, 3, 1.00146484375f, 65520.0f, -0.0f};
struct Scaled { __half scale; float bias; };
__device__ Scaled scaled = {0.1f, 2.0f};

__global__ void halfGlobals(unsigned short* out)
{
    int i = threadIdx.x;
    out[i] = i < 7 ? __half_as_ushort(table[i]) : __half_as_ushort(scaled.scale);
}
