// cuRAND Monte-Carlo pi, the way the samples do it: one curandState per
// thread (curand_init(seed, thread, 0): a subsequence each), curand_uniform
// pairs, hits counted per block in shared memory; and again with the host
// API filling device memory (curandGenerateUniform) for a counting kernel.
// FLAGS: -lcurand
#include "common.h"
#include <cmath>
#include <curand.h>
#include <curand_kernel.h>

#define CURAND_CHECK(call)                                                       \
  do {                                                                           \
    curandStatus_t s_ = (call);                                                  \
    if (s_ != CURAND_STATUS_SUCCESS) {                                           \
      fprintf(stderr, "%s:%d: cuRAND error %d\n", __FILE__, __LINE__, (int)s_); \
      exit(2);                                                                   \
    }                                                                            \
  } while (0)

__global__ void setup(curandState *states, unsigned long long seed) {
  int id = blockIdx.x * blockDim.x + threadIdx.x;
  curand_init(seed, id, 0, &states[id]);
}

__global__ void throw_darts(curandState *states, int per_thread, unsigned long long *hits) {
  __shared__ unsigned int block_hits;
  int id = blockIdx.x * blockDim.x + threadIdx.x;
  if (threadIdx.x == 0) block_hits = 0;
  __syncthreads();
  curandState s = states[id];
  unsigned int mine = 0;
  for (int i = 0; i < per_thread; i++) {
    float x = curand_uniform(&s), y = curand_uniform(&s);
    if (x * x + y * y <= 1.0f) mine++;
  }
  states[id] = s;
  atomicAdd(&block_hits, mine);
  __syncthreads();
  if (threadIdx.x == 0) atomicAdd(hits, (unsigned long long)block_hits);
}

__global__ void count_pairs(const float *xy, int pairs, unsigned long long *hits) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < pairs) {
    float x = xy[2 * i], y = xy[2 * i + 1];
    if (x * x + y * y <= 1.0f) atomicAdd(hits, 1ULL);
  }
}

int main() {
  const int blocks = 32, threads = 128, per_thread = 256, n = blocks * threads;
  curandState *states;
  unsigned long long *hits, h = 0;
  CHECK(cudaMalloc(&states, n * sizeof(curandState)));
  CHECK(cudaMalloc(&hits, sizeof *hits));
  CHECK(cudaMemset(hits, 0, sizeof *hits));
  setup<<<blocks, threads>>>(states, 2024ULL);
  throw_darts<<<blocks, threads>>>(states, per_thread, hits);
  CHECK(cudaGetLastError());
  CHECK(cudaMemcpy(&h, hits, sizeof h, cudaMemcpyDeviceToHost));
  double darts = (double)n * per_thread, pi = 4.0 * (double)h / darts;
  // standard error of the estimate: 4 sqrt(p (1 - p) / darts), p = pi / 4
  double sigma = 4.0 * sqrt(M_PI / 4 * (1 - M_PI / 4) / darts);
  int errors = 0;
  printf("device API: %.0f darts, pi ~ %.6f (error %.2e, 5 sigma %.2e)\n", darts, pi, fabs(pi - M_PI), 5 * sigma);
  if (fabs(pi - M_PI) > 5 * sigma) errors++;

  // the second run continues the same states: it must not repeat the first
  CHECK(cudaMemset(hits, 0, sizeof *hits));
  throw_darts<<<blocks, threads>>>(states, per_thread, hits);
  unsigned long long h2 = 0;
  CHECK(cudaMemcpy(&h2, hits, sizeof h2, cudaMemcpyDeviceToHost));
  if (h2 == h) {
    printf("the continued states gave exactly the same count (%llu)\n", h2);
    errors++;
  }

  const int pairs = 1 << 20;
  float *xy;
  CHECK(cudaMalloc(&xy, 2 * pairs * sizeof(float)));
  curandGenerator_t gen;
  CURAND_CHECK(curandCreateGenerator(&gen, CURAND_RNG_PSEUDO_PHILOX4_32_10));
  CURAND_CHECK(curandSetPseudoRandomGeneratorSeed(gen, 1234ULL));
  CURAND_CHECK(curandGenerateUniform(gen, xy, 2 * pairs));
  CHECK(cudaMemset(hits, 0, sizeof *hits));
  count_pairs<<<(pairs + 255) / 256, 256>>>(xy, pairs, hits);
  CHECK(cudaGetLastError());
  CHECK(cudaMemcpy(&h, hits, sizeof h, cudaMemcpyDeviceToHost));
  pi = 4.0 * (double)h / pairs;
  sigma = 4.0 * sqrt(M_PI / 4 * (1 - M_PI / 4) / pairs);
  printf("host API:   %d darts, pi ~ %.6f (error %.2e, 5 sigma %.2e)\n", pairs, pi, fabs(pi - M_PI), 5 * sigma);
  if (fabs(pi - M_PI) > 5 * sigma) errors++;

  // every uniform is in (0, 1]
  float *host = (float *)malloc(2 * pairs * sizeof(float));
  CHECK(cudaMemcpy(host, xy, 2 * pairs * sizeof(float), cudaMemcpyDeviceToHost));
  for (int i = 0; i < 2 * pairs; i++)
    if (!(host[i] > 0.0f && host[i] <= 1.0f)) {
      printf("uniform %d out of (0, 1]: %g\n", i, host[i]);
      errors++;
      break;
    }
  free(host);
  CURAND_CHECK(curandDestroyGenerator(gen));
  CHECK(cudaFree(xy));
  CHECK(cudaFree(states));
  CHECK(cudaFree(hits));
  return verdict("curand_monte_carlo_pi", errors);
}
