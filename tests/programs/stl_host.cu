// Host code that leans on the C++ standard library: vectors, sort,
// accumulate, maps, strings and lambdas around a kernel.
#include "common.h"
#include <algorithm>
#include <map>
#include <numeric>
#include <string>
#include <vector>

__global__ void keys_mod(const int *in, int *out, int n, int m) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = in[i] % m;
}

int main() {
  std::vector<int> v(20000);
  std::iota(v.begin(), v.end(), 0);
  std::reverse(v.begin(), v.end());
  int *din, *dout;
  CHECK(cudaMalloc(&din, v.size() * sizeof(int)));
  CHECK(cudaMalloc(&dout, v.size() * sizeof(int)));
  CHECK(cudaMemcpy(din, v.data(), v.size() * sizeof(int), cudaMemcpyHostToDevice));
  keys_mod<<<(unsigned)(v.size() + 255) / 256, 256>>>(din, dout, (int)v.size(), 17);
  std::vector<int> k(v.size());
  CHECK(cudaMemcpy(k.data(), dout, k.size() * sizeof(int), cudaMemcpyDeviceToHost));
  std::map<int, int> hist;
  for (int x : k) hist[x]++;
  std::sort(k.begin(), k.end());
  long sum = std::accumulate(k.begin(), k.end(), 0L);
  long want = 0;
  for (int x : v) want += x % 17;
  std::string report = "buckets=" + std::to_string(hist.size()) + " sum=" + std::to_string(sum);
  printf("%s\n", report.c_str());
  int errors = hist.size() != 17 || sum != want ||
               !std::all_of(hist.begin(), hist.end(), [](const std::pair<const int, int> &p) {
                 return p.second >= 1176 && p.second <= 1177;
               });
  CHECK(cudaFree(din));
  CHECK(cudaFree(dout));
  return verdict("stl_host", errors);
}
