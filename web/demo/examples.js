// examples.js — the demo's example kernels, each with the inputs it is
// launched with and a JS reference its output is checked against.

const rand = (n, seed) => {
  let s = seed >>> 0;
  return Float32Array.from({ length: n }, () => ((s = (s * 1664525 + 1013904223) >>> 0) / 4294967296));
};

export const examples = [
  {
    name: 'vector add',
    kernel: 'vecAdd',
    source: `// c = a + b, one thread per element
__global__ void vecAdd(const float* a, const float* b, float* c, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) c[i] = a[i] + b[i];
}
`,
    n: 100000, block: 256,
    grid: (n, b) => Math.ceil(n / b),
    setup(n) {
      const a = rand(n, 1), b = rand(n, 2), c = new Float32Array(n);
      return { args: [a, b, c, n], out: c, ref: a.map((x, i) => x + b[i]) };
    },
  },
  {
    name: 'saxpy (grid-stride loop)',
    kernel: 'saxpy',
    source: `// y = alpha * x + y over a grid-stride loop
__global__ void saxpy(int n, float alpha, const float* x, float* y)
{
    for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x)
        y[i] = alpha * x[i] + y[i];
}
`,
    n: 1 << 20, block: 256,
    grid: () => 64,
    setup(n) {
      const x = rand(n, 3), y = rand(n, 4), ref = x.map((v, i) => Math.fround(2.5 * v) + y[i]);
      return { args: [n, 2.5, x, y], out: y, ref };
    },
  },
  {
    name: 'block reduction (shared memory)',
    kernel: 'reduceSum',
    source: `// one partial sum per block: shared-memory tree reduction
#define BLOCK 256
__global__ void reduceSum(const float* in, float* out, int n)
{
    __shared__ float s[BLOCK];
    unsigned tid = threadIdx.x, i = blockIdx.x * blockDim.x + tid;
    s[tid] = i < n ? in[i] : 0.0f;
    __syncthreads();
    for (unsigned stride = blockDim.x / 2; stride > 0; stride >>= 1) {
        if (tid < stride) s[tid] += s[tid + stride];
        __syncthreads();
    }
    if (tid == 0) out[blockIdx.x] = s[0];
}
`,
    n: 65536, block: 256,
    grid: (n, b) => Math.ceil(n / b),
    setup(n, block) {
      const blocks = Math.ceil(n / block), x = rand(n, 5), out = new Float32Array(blocks);
      const ref = new Float32Array(blocks);
      for (let i = 0; i < n; i++) ref[Math.floor(i / block)] += x[i];
      return { args: [x, out, n], out, ref };
    },
  },
  {
    name: 'tiled matrix multiply',
    kernel: 'matmul',
    source: `// C = A * B (n x n), 16 x 16 tiles in shared memory
#define TILE 16
__global__ void matmul(const float* A, const float* B, float* C, int n)
{
    __shared__ float As[TILE][TILE], Bs[TILE][TILE];
    int row = blockIdx.y * TILE + threadIdx.y, col = blockIdx.x * TILE + threadIdx.x;
    float acc = 0.0f;
    for (int t = 0; t < (n + TILE - 1) / TILE; t++) {
        As[threadIdx.y][threadIdx.x] = (row < n && t * TILE + threadIdx.x < n) ? A[row * n + t * TILE + threadIdx.x] : 0.0f;
        Bs[threadIdx.y][threadIdx.x] = (col < n && t * TILE + threadIdx.y < n) ? B[(t * TILE + threadIdx.y) * n + col] : 0.0f;
        __syncthreads();
        for (int k = 0; k < TILE; k++) acc += As[threadIdx.y][k] * Bs[k][threadIdx.x];
        __syncthreads();
    }
    if (row < n && col < n) C[row * n + col] = acc;
}
`,
    n: 256, block: [16, 16],
    grid: (n) => [Math.ceil(n / 16), Math.ceil(n / 16)],
    setup(n) {
      const A = rand(n * n, 6), B = rand(n * n, 7), C = new Float32Array(n * n), ref = new Float32Array(n * n);
      for (let i = 0; i < n; i++)
        for (let k = 0; k < n; k++) {
          const a = A[i * n + k];
          for (let j = 0; j < n; j++) ref[i * n + j] += a * B[k * n + j];
        }
      return { args: [A, B, C, n], out: C, ref };
    },
  },
];
