// An int8 matrix-vector product with __dp4a (four 8-bit products per
// instruction, the way quantised inference kernels use it) and __dp2a,
// written with the old header names programs still include
// (device_functions.h, sm_61_intrinsics.h ...), and annotated with NVTX
// ranges (NVTX 3 spelling, header-only: CUDA 13 ships no libnvToolsExt,
// so the program links nothing for it, as it must under nvcc 13).
#include "common.h"
#include <device_functions.h>
#include <math_functions.h>
#include <sm_20_atomic_functions.h>
#include <sm_61_intrinsics.h>
#include <nvtx3/nvToolsExt.h>
#include <cstdint>
#include <vector>

__global__ void gemv_int8(int rows, int cols4, const int *a, const int *x, int *y) {
  int r = blockIdx.x * blockDim.x + threadIdx.x;
  if (r >= rows) return;
  int acc = 0;
  for (int k = 0; k < cols4; k++) acc = __dp4a(a[r * cols4 + k], x[k], acc);
  y[r] = acc;
}

__global__ void variants(const unsigned *u, int *out) {
  char4 c = make_char4(-1, 2, -3, 4), d = make_char4(5, -6, 7, 8);
  uchar4 e = make_uchar4(200, 1, 2, 255);
  out[0] = __dp4a(c, d, 100);                           /* -5-12-21+32+100 = 94 */
  out[1] = (int)__dp4a(u[0], u[1], 7u);                  /* unsigned bytes */
  out[2] = (int)__dp4a(e, e, 0u);                        /* 40000+1+4+65025 */
  out[3] = __dp2a_lo((int)0xfffe0003, (int)0x0000ff02, 1); /* 3*2 + (-2)*(-1) + 1 = 9 */
  out[4] = __dp2a_hi((int)0xfffe0003, (int)0x7f800000, 0); /* 3*(-128) + (-2)*127 = -638 */
  out[5] = (int)__dp2a_lo(0x00020003u, 0x0000ff02u, 0u);   /* 3*2 + 2*255 = 516 */
}

static int8_t byte_of(int v, int k) { return (int8_t)(uint8_t)((unsigned)v >> (8 * k)); }

int main() {
  const int rows = 300, cols4 = 64;
  std::vector<int> a(rows * cols4), x(cols4), y(rows);
  unsigned seed = 12345;
  for (auto &v : a) v = (int)(seed = seed * 1664525u + 1013904223u);
  for (auto &v : x) v = (int)(seed = seed * 1664525u + 1013904223u);
  int *da, *dx, *dy, *dout;
  unsigned hu[2] = {0x01ff7f80u, 0x02030405u}, *du;
  int out[6];
  int depth0 = nvtxRangePushA("setup");
  CHECK(cudaMalloc(&da, a.size() * sizeof(int)));
  CHECK(cudaMalloc(&dx, x.size() * sizeof(int)));
  CHECK(cudaMalloc(&dy, y.size() * sizeof(int)));
  CHECK(cudaMalloc(&du, sizeof hu));
  CHECK(cudaMalloc(&dout, sizeof out));
  CHECK(cudaMemcpy(da, a.data(), a.size() * sizeof(int), cudaMemcpyHostToDevice));
  CHECK(cudaMemcpy(dx, x.data(), x.size() * sizeof(int), cudaMemcpyHostToDevice));
  CHECK(cudaMemcpy(du, hu, sizeof hu, cudaMemcpyHostToDevice));
  nvtxEventAttributes_t attr = {};
  attr.version = NVTX_VERSION;
  attr.size = NVTX_EVENT_ATTRIB_STRUCT_SIZE;
  attr.colorType = NVTX_COLOR_ARGB;
  attr.color = 0xff00ff00u;
  attr.messageType = NVTX_MESSAGE_TYPE_ASCII;
  attr.message.ascii = "kernels";
  int depth1 = nvtxRangePushEx(&attr);
  nvtxRangeId_t id = nvtxRangeStartA("gemv");
  gemv_int8<<<(rows + 127) / 128, 128>>>(rows, cols4, da, dx, dy);
  variants<<<1, 1>>>(du, dout);
  CHECK(cudaDeviceSynchronize());
  nvtxRangeEnd(id);
  int depth2 = nvtxRangePop(), depth3 = nvtxRangePop(), depth4 = nvtxRangePop();
  nvtxMarkA("copied back");
  CHECK(cudaMemcpy(y.data(), dy, y.size() * sizeof(int), cudaMemcpyDeviceToHost));
  CHECK(cudaMemcpy(out, dout, sizeof out, cudaMemcpyDeviceToHost));
  int errors = 0;
  for (int r = 0; r < rows; r++) {
    int want = 0;
    for (int k = 0; k < cols4; k++)
      for (int b = 0; b < 4; b++) want += byte_of(a[r * cols4 + k], b) * byte_of(x[k], b);
    errors += y[r] != want;
  }
  unsigned want1 = 7;
  for (int b = 0; b < 4; b++) want1 += ((hu[0] >> (8 * b)) & 0xff) * ((hu[1] >> (8 * b)) & 0xff);
  const int want[6] = {94, (int)want1, 40000 + 1 + 4 + 65025, 9, -638, 516};
  for (int i = 0; i < 6; i++)
    if (out[i] != want[i]) {
      printf("variant %d: %d, want %d\n", i, out[i], want[i]);
      errors++;
    }
  /* NVTX: push returns the depth before it, pop the depth after, a pop
   * with nothing pushed -1, as cuwasm's NVTX does.  NVIDIA's header-only
   * NVTX 3 with no tool attached (nvcc, no profiler) tracks nothing: every
   * push and pop returns NVTX_NO_PUSH_POP_TRACKING and a range start id 0;
   * a tool that tracks ranges gives the first sequence. */
  bool tracked = depth0 == 0 && depth1 == 1 && depth2 == 1 && depth3 == 0 && depth4 == -1 && id != 0;
#ifdef __CUWASM__
  bool untracked = false;
#else
  bool untracked = depth0 == NVTX_NO_PUSH_POP_TRACKING && depth1 == NVTX_NO_PUSH_POP_TRACKING &&
                   depth2 == NVTX_NO_PUSH_POP_TRACKING && depth3 == NVTX_NO_PUSH_POP_TRACKING &&
                   depth4 == NVTX_NO_PUSH_POP_TRACKING && id == 0;
#endif
  if (!tracked && !untracked) {
    printf("nvtx depths %d %d %d %d %d id %llu\n", depth0, depth1, depth2, depth3, depth4,
           (unsigned long long)id);
    errors++;
  }
  return verdict("int8_dot_nvtx", errors);
}
