// switch_ops.cu: exercises switch with fall-through, default in the middle,
// nested switch, switch on an enum and on a char, break inside loops inside
// cases, and an opcode-driven tiny interpreter.
// launch: applyOp --grid 4 --block 256 i32[1024]=rand:131 f32[1024]=rand:132 f32[1024]=zeros i32:1024
// launch: tinyVm --grid 1 --block 64 i32[16]=iota i32[64]=zeros
// launch: classifyChars --grid 1 --block 256 u8[256]=iota i32[256]=zeros
#include <cuda_runtime.h>

enum Op { OP_ADD, OP_SUB, OP_MUL, OP_NEG, OP_ABS };

__global__ void applyOp(const int* ops, const float* x, float* y, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;
    float v = x[i];
    switch ((ops[i] & 0x7fffffff) % 6) {
    case OP_ADD:
        v += 1.0f;
        break;
    case OP_SUB:
        v -= 1.0f;
        break;
    default:
        v = 0.0f;
        break;
    case OP_MUL:
        v *= 2.0f;
        /* fall through */
    case OP_NEG:
        v = -v;
        break;
    case OP_ABS:
        v = fabsf(v);
    }
    y[i] = v;
}

// A stack machine per thread; program is 16 opcodes.
__global__ void tinyVm(const int* program, int* out)
{
    int acc = threadIdx.x;
    for (int pc = 0; pc < 16; ++pc) {
        int op = program[pc] % 5;
        switch (op) {
        case 0: acc += 3; break;
        case 1: acc *= 2; break;
        case 2: {
            int k = acc & 7;
            switch (k) {
            case 0: case 1: acc -= 1; break;
            case 2: acc ^= 0x55; break;
            default: acc >>= 1;
            }
            break;
        }
        case 3:
            for (int j = 0; j < 10; ++j) {
                if (j * j > acc) break;
                acc += j;
            }
            break;
        case 4: continue;
        }
        acc &= 0xffff;
    }
    out[threadIdx.x] = acc;
}

__global__ void classifyChars(const unsigned char* s, int* cls)
{
    char c = (char)s[threadIdx.x];
    int k;
    switch (c) {
    case ' ': case '\t': case '\n': k = 1; break;
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9': k = 2; break;
    case '+': case '-': case '*': case '/': k = 3; break;
    default:
        k = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ? 4 : 0;
    }
    cls[threadIdx.x] = k;
}
