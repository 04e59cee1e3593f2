// goto_shapes.cu: the goto shapes targets without goto (GLSL) must
// restructure, with data-dependent jumps: a forward goto over the rest of
// the kernel, a backward goto from inside two nested loops (a loop written
// with goto around loops), a forward goto out of a switch inside that
// loop, and a label that is both jumped forward to and looped back to.
// launch: gotoShapes --grid 2 --block 64 i32[128]=rand:41 i32[256]=zeros i32:120
// launch: gotoBothWays --grid 1 --block 128 i32[128]=rand:42 i32[128]=zeros
#include <cuda_runtime.h>

__global__ void gotoShapes(const int* in, int* out, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    int v, steps = 0, hits = 0;
    if (i >= n) goto end;
    v = in[i];
retry:
    for (int a = 0; a < 4; a++) {
        for (int b = 0; b < 4; b++) {
            if (((v + a * b) & 7) == 3 && steps < 20) {
                v += a + b + 1;
                steps++;
                goto retry;
            }
        }
        switch (v & 3) {
        case 0: hits++; break;
        case 1:
            if (hits > 2) goto done;
            hits += 2;
            break;
        default: continue;
        }
        hits += 10;
    }
    hits += 100;
done:
    out[2 * i] = v;
    out[2 * i + 1] = steps * 1000 + hits;
end:
    return;
}

/* `top` is reached by a forward goto (odd values skip the first step) and
 * by a backward one (halving until small) */
__global__ void gotoBothWays(const int* in, int* out)
{
    int v = in[threadIdx.x] * 37 + 5, rounds = 0;
    if (v & 1) goto top;
    v = v * 3 + 1;
top:
    rounds++;
    if (v > 10) {
        v = (v & 1) ? v - 3 : v / 2;
        goto top;
    }
    out[threadIdx.x] = v * 100 + rounds;
}
