// Philox4x32-10 known answers: a reference written here from the
// algorithm's definition (Salmon et al., "Parallel random numbers: as easy
// as 1, 2, 3", SC'11: ten rounds of two 32x32->64 multiplications, the
// key bumped by the Weyl constants between rounds) must give exactly the
// outputs of curand(), curand4(), curand_uniform4() and curand_uniform()
// for cuRAND's counter layout (counter = (block, subsequence), key = seed),
// at several seeds, subsequences and offsets; the all-zero block is also
// checked against Random123's published vector; then curand_uniform4_double,
// whose four doubles take two words each, as cuRAND's.
#include "common.h"
#include <curand_kernel.h>

struct Case {
  unsigned long long seed, subsequence, offset;
};

// each thread: 8 curand(), one curand4(), one curand_uniform4(), 2 curand_uniform()
// then one curand_uniform4_double
__global__ void draw(const Case *cases, int n, unsigned int *bits, float *uniforms, double *doubles) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) return;
  curandStatePhilox4_32_10_t s;
  curand_init(cases[i].seed, cases[i].subsequence, cases[i].offset, &s);
  for (int k = 0; k < 8; k++) bits[i * 12 + k] = curand(&s);
  uint4 q = curand4(&s);
  bits[i * 12 + 8] = q.x, bits[i * 12 + 9] = q.y, bits[i * 12 + 10] = q.z, bits[i * 12 + 11] = q.w;
  float4 u = curand_uniform4(&s);
  uniforms[i * 6 + 0] = u.x, uniforms[i * 6 + 1] = u.y, uniforms[i * 6 + 2] = u.z, uniforms[i * 6 + 3] = u.w;
  uniforms[i * 6 + 4] = curand_uniform(&s);
  uniforms[i * 6 + 5] = curand_uniform(&s);
  // `auto`: CUDA 13 deprecates the name double4 (the function still returns it)
  auto ud = curand_uniform4_double(&s);
  double *o = doubles + i * 4;
  o[0] = ud.x, o[1] = ud.y, o[2] = ud.z, o[3] = ud.w;
}

// ---- the reference ----------------------------------------------------------
static void philox_block(const unsigned int ctr_in[4], const unsigned int key_in[2], unsigned int out[4]) {
  unsigned int c[4] = {ctr_in[0], ctr_in[1], ctr_in[2], ctr_in[3]}, k0 = key_in[0], k1 = key_in[1];
  for (int r = 0; r < 10; r++) {
    unsigned long long a = 0xD2511F53ull * c[0], b = 0xCD9E8D57ull * c[2];
    unsigned int n0 = (unsigned int)(b >> 32) ^ c[1] ^ k0, n1 = (unsigned int)b;
    unsigned int n2 = (unsigned int)(a >> 32) ^ c[3] ^ k1, n3 = (unsigned int)a;
    c[0] = n0, c[1] = n1, c[2] = n2, c[3] = n3;
    k0 += 0x9E3779B9u, k1 += 0xBB67AE85u;
  }
  for (int i = 0; i < 4; i++) out[i] = c[i];
}

// word w of the stream of (seed, subsequence): block w / 4, word w % 4
static unsigned int philox_word(const Case &c, unsigned long long w) {
  unsigned long long block = w / 4;
  unsigned int ctr[4] = {(unsigned int)block, (unsigned int)(block >> 32), (unsigned int)c.subsequence,
                         (unsigned int)(c.subsequence >> 32)};
  unsigned int key[2] = {(unsigned int)c.seed, (unsigned int)(c.seed >> 32)}, out[4];
  philox_block(ctr, key, out);
  return out[w % 4];
}

static float to_uniform(unsigned int x) { return x * 2.3283064365386963e-10f + 2.3283064365386963e-10f / 2.0f; }

// two words as a double in (0, 1): 53 bits, x ^ (y << 21)
static double to_uniform_double(unsigned int x, unsigned int y) {
  unsigned long long z = (unsigned long long)x ^ ((unsigned long long)y << 21);
  return z * 0x1p-53 + 0x1p-54;
}

int main() {
  const Case cases[] = {{0, 0, 0},           {1234, 0, 0},          {1234, 1, 0},
                        {1234, 0, 1},        {1234, 0, 2},          {1234, 0, 3},
                        {1234, 0, 5},        {99, 65535, 262143},   {0xfedcba9876543210ull, 1ull << 40, 7},
                        {42, 123456789, 1ull << 34}, {~0ull, ~0ull >> 1, 1000001}};
  const int n = sizeof cases / sizeof *cases;
  Case *dc;
  unsigned int *dbits, bits[n * 12];
  float *du, uniforms[n * 6];
  double *dd, doubles[n * 4];
  CHECK(cudaMalloc(&dc, sizeof cases));
  CHECK(cudaMalloc(&dd, sizeof doubles));
  CHECK(cudaMalloc(&dbits, sizeof bits));
  CHECK(cudaMalloc(&du, sizeof uniforms));
  CHECK(cudaMemcpy(dc, cases, sizeof cases, cudaMemcpyHostToDevice));
  draw<<<1, 32>>>(dc, n, dbits, du, dd);
  CHECK(cudaGetLastError());
  CHECK(cudaMemcpy(bits, dbits, sizeof bits, cudaMemcpyDeviceToHost));
  CHECK(cudaMemcpy(uniforms, du, sizeof uniforms, cudaMemcpyDeviceToHost));
  CHECK(cudaMemcpy(doubles, dd, sizeof doubles, cudaMemcpyDeviceToHost));

  int errors = 0;
  // Random123's kat_vectors: philox4x32 10 rounds, counter 0, key 0
  const unsigned int zero_kat[4] = {0x6627e8d5u, 0xe169c58du, 0xbc57ac4cu, 0x9b00dbd8u};
  for (int k = 0; k < 4; k++)
    if (bits[k] != zero_kat[k]) {
      printf("Random123 vector, word %d: got %08x, want %08x\n", k, bits[k], zero_kat[k]);
      errors++;
    }
  for (int i = 0; i < n; i++) {
    unsigned long long w = cases[i].offset;
    for (int k = 0; k < 12; k++, w++) {
      unsigned int want = philox_word(cases[i], w);
      if (bits[i * 12 + k] != want) {
        printf("case %d (seed %llx, subsequence %llu, offset %llu) output %d: got %08x, want %08x\n", i,
               cases[i].seed, cases[i].subsequence, cases[i].offset, k, bits[i * 12 + k], want);
        errors++;
      }
    }
    for (int k = 0; k < 6; k++, w++) {
      float want = to_uniform(philox_word(cases[i], w));
      if (uniforms[i * 6 + k] != want) {
        printf("case %d uniform %d: got %.9g, want %.9g\n", i, k, uniforms[i * 6 + k], want);
        errors++;
      }
    }
    for (int k = 0; k < 4; k++, w += 2) {
      double want = to_uniform_double(philox_word(cases[i], w), philox_word(cases[i], w + 1));
      if (doubles[i * 4 + k] != want) {
        printf("case %d curand_uniform4_double %d: got %.17g, want %.17g\n", i, k, doubles[i * 4 + k], want);
        errors++;
      }
    }
  }
  errors += sizeof(double4_16a) != 32 || alignof(double4_16a) != 16 || alignof(double4_32a) != 32;
  printf("%d cases of 22 outputs compared with the reference\n", n);
  CHECK(cudaFree(dc));
  CHECK(cudaFree(dbits));
  CHECK(cudaFree(du));
  CHECK(cudaFree(dd));
  return verdict("curand_philox_kat", errors);
}
