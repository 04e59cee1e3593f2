// stream_wait_event.cu — cudaStreamWaitEvent orders work across streams
// without making the host wait: a fan-in (each producer stream records an
// event after its kernel, the consumer stream waits for all of them, then
// sums what they wrote), a ping-pong between two streams over 10 rounds in
// which each stream waits for the other's event and then records its own
// (an event re-recorded while a wait for its previous record is still
// queued must not hold that wait up), and a wait on an event that was
// never recorded (nothing to wait for).  On a GPU the producers' kernels
// also run concurrently; here only the order is checked.
#include "common.h"

enum { PRODUCERS = 4 /* sum_all's four inputs */, N = 1 << 16, ROUNDS = 10 };  // x = 4x + 1 each round: exact in float

__global__ void produce(float *out, int n, float value, int spin) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) return;
  float v = value;
  for (int k = 0; k < spin; k++) v = v * 1.0000001f - 0.0000001f * value;  // busy work
  out[i] = value + (v - v);
}

__global__ void sum_all(const float *a, const float *b, const float *c, const float *d, float *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = a[i] + b[i] + c[i] + d[i];
}

__global__ void step(float *x, int n, float add) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) x[i] = x[i] * 2.0f + add;
}

int main() {
  int errors = 0;
  cudaStream_t prod[PRODUCERS], cons;
  cudaEvent_t done[PRODUCERS];
  float *part[PRODUCERS], *sum;
  for (int p = 0; p < PRODUCERS; p++) {
    CHECK(cudaStreamCreate(&prod[p]));
    CHECK(cudaEventCreateWithFlags(&done[p], cudaEventDisableTiming));
    CHECK(cudaMalloc(&part[p], N * sizeof(float)));
  }
  CHECK(cudaStreamCreate(&cons));
  CHECK(cudaMalloc(&sum, N * sizeof(float)));

  // fan-in: the consumer's kernel reads what all producers wrote
  for (int p = 0; p < PRODUCERS; p++) {
    produce<<<N / 256, 256, 0, prod[p]>>>(part[p], N, (float)(p + 1), 200 * (PRODUCERS - p));
    CHECK(cudaEventRecord(done[p], prod[p]));
    CHECK(cudaStreamWaitEvent(cons, done[p], 0));
  }
  sum_all<<<N / 256, 256, 0, cons>>>(part[0], part[1], part[2], part[3], sum, N);
  CHECK(cudaGetLastError());
  float *h = (float *)malloc(N * sizeof(float));
  CHECK(cudaStreamSynchronize(cons));
  CHECK(cudaMemcpy(h, sum, N * sizeof(float), cudaMemcpyDeviceToHost));
  const float want = PRODUCERS * (PRODUCERS + 1) / 2.0f;
  for (int i = 0; i < N; i++)
    if (h[i] != want && errors++ < 3) printf("fan-in: sum[%d] = %g, want %g\n", i, h[i], want);

  // ping-pong: a and b take turns on one buffer, each waiting for the other
  cudaStream_t a = prod[0], b = prod[1];
  cudaEvent_t ea = done[0], eb = done[1];
  float *x = part[2];
  CHECK(cudaMemsetAsync(x, 0, N * sizeof(float), a));
  CHECK(cudaEventRecord(ea, a));
  double expect = 0;
  for (int r = 0; r < ROUNDS; r++) {
    CHECK(cudaStreamWaitEvent(b, ea, 0));
    step<<<N / 256, 256, 0, b>>>(x, N, 1.0f);
    CHECK(cudaEventRecord(eb, b));
    CHECK(cudaStreamWaitEvent(a, eb, 0));
    step<<<N / 256, 256, 0, a>>>(x, N, -1.0f);
    CHECK(cudaEventRecord(ea, a));
    expect = (expect * 2 + 1) * 2 - 1;
  }
  CHECK(cudaStreamSynchronize(a));
  CHECK(cudaMemcpy(h, x, N * sizeof(float), cudaMemcpyDeviceToHost));
  for (int i = 0; i < N; i++)
    if (h[i] != (float)expect && errors++ < 6) printf("ping-pong: x[%d] = %g, want %g\n", i, h[i], expect);

  // an event never recorded: the wait is a no-op
  cudaEvent_t never;
  CHECK(cudaEventCreate(&never));
  CHECK(cudaStreamWaitEvent(cons, never, 0));
  CHECK(cudaStreamSynchronize(cons));
  CHECK(cudaEventDestroy(never));

  for (int p = 0; p < PRODUCERS; p++) {
    CHECK(cudaEventDestroy(done[p]));
    CHECK(cudaStreamDestroy(prod[p]));
    CHECK(cudaFree(part[p]));
  }
  CHECK(cudaStreamDestroy(cons));
  CHECK(cudaFree(sum));
  free(h);
  return verdict("stream_wait_event", errors);
}
