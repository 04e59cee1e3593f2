// struct_values.cu: structs used as values rather than variables.  A
// conditional expression whose operands are structs (WGSL's select() takes
// none), with a side effect (an atomicAdd) in some operands so that only
// the chosen one may be evaluated, nested in another one's operand and in
// a scalar one's; and a member, vector lane or array element read straight
// from a call's result (`make_pair(x, n).k[j]`) or from a ?: of structs.
// counts[0] and counts[1] count the calls to counted() made by each arm.
// launch: structValues --grid 2 --block 64 f32[128]=zeros i32[128]=zeros i32[2]=zeros
#include <cuda_runtime.h>

struct Pair {
    float w;
    int n;
    float2 v;
    int k[3];
};

__device__ Pair make_pair(float w, int n)
{
    Pair p;
    p.w = w;
    p.n = n;
    p.v = make_float2(w * 2.0f, w + 1.0f);
    for (int j = 0; j < 3; j++) p.k[j] = n + j;
    return p;
}

__device__ Pair counted(int* count, float w)
{
    atomicAdd(count, 1);
    return make_pair(w, 7);
}

__global__ void structValues(float* out, int* ints, int* counts)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    Pair a = make_pair(1.5f, i), b = make_pair(-2.0f, -i);
    Pair s = (i & 1) ? a : b;
    Pair t = (i % 3 == 0) ? counted(&counts[0], 3.0f) : (i % 3 == 1 ? a : counted(&counts[1], 4.0f));
    float w = s.w + t.w + make_pair(0.25f, i).v.y + ((i & 4) ? a : b).v.x;
    w += (i & 16) ? ((i & 2) ? s : t).w : 0.5f;
    int n = make_pair(0.0f, i * 2).n + make_pair(1.0f, i).k[i % 3] + t.n + ((i & 8) ? s : t).k[2];
    out[i] = w;
    ints[i] = n;
}
