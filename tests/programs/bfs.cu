// Breadth-first search in the style of Rodinia's bfs: frontier masks, a
// "changed" flag copied back each level, CSR graph on the device.
#include "common.h"
#include <queue>
#include <vector>

__global__ void bfs_level(const int *rowptr, const int *cols, bool *frontier, bool *next,
                          bool *visited, int *cost, bool *changed, int n) {
  int v = blockIdx.x * blockDim.x + threadIdx.x;
  if (v >= n || !frontier[v]) return;
  frontier[v] = false;
  for (int e = rowptr[v]; e < rowptr[v + 1]; ++e) {
    int u = cols[e];
    if (!visited[u]) {
      cost[u] = cost[v] + 1;
      next[u] = true;
    }
  }
}

__global__ void bfs_commit(bool *frontier, bool *next, bool *visited, bool *changed, int n) {
  int v = blockIdx.x * blockDim.x + threadIdx.x;
  if (v >= n || !next[v]) return;
  frontier[v] = visited[v] = true;
  next[v] = false;
  *changed = true;
}

int main() {
  const int n = 5000;
  std::vector<int> rowptr(n + 1), cols;
  for (int v = 0; v < n; ++v) {
    rowptr[v] = (int)cols.size();
    cols.push_back((v + 1) % n);
    cols.push_back((v * 7 + 3) % n);
    if (v % 5 == 0) cols.push_back((v / 2) % n);
  }
  rowptr[n] = (int)cols.size();
  int *drow, *dcol, *dcost;
  bool *dfr, *dnext, *dvis, *dchg;
  CHECK(cudaMalloc(&drow, (n + 1) * sizeof(int)));
  CHECK(cudaMalloc(&dcol, cols.size() * sizeof(int)));
  CHECK(cudaMalloc(&dcost, n * sizeof(int)));
  CHECK(cudaMalloc(&dfr, n));
  CHECK(cudaMalloc(&dnext, n));
  CHECK(cudaMalloc(&dvis, n));
  CHECK(cudaMalloc(&dchg, 1));
  CHECK(cudaMemcpy(drow, rowptr.data(), (n + 1) * sizeof(int), cudaMemcpyHostToDevice));
  CHECK(cudaMemcpy(dcol, cols.data(), cols.size() * sizeof(int), cudaMemcpyHostToDevice));
  std::vector<int> cost(n, -1);
  cost[0] = 0;
  std::vector<char> fr(n, 0);
  fr[0] = 1;
  CHECK(cudaMemcpy(dcost, cost.data(), n * sizeof(int), cudaMemcpyHostToDevice));
  CHECK(cudaMemcpy(dfr, fr.data(), n, cudaMemcpyHostToDevice));
  CHECK(cudaMemcpy(dvis, fr.data(), n, cudaMemcpyHostToDevice));
  CHECK(cudaMemset(dnext, 0, n));
  int levels = 0;
  bool changed = true;
  while (changed) {
    changed = false;
    CHECK(cudaMemcpy(dchg, &changed, 1, cudaMemcpyHostToDevice));
    bfs_level<<<(n + 255) / 256, 256>>>(drow, dcol, dfr, dnext, dvis, dcost, dchg, n);
    bfs_commit<<<(n + 255) / 256, 256>>>(dfr, dnext, dvis, dchg, n);
    CHECK(cudaMemcpy(&changed, dchg, 1, cudaMemcpyDeviceToHost));
    ++levels;
  }
  CHECK(cudaMemcpy(cost.data(), dcost, n * sizeof(int), cudaMemcpyDeviceToHost));
  std::vector<int> ref(n, -1);
  std::queue<int> q;
  ref[0] = 0;
  q.push(0);
  while (!q.empty()) {
    int v = q.front();
    q.pop();
    for (int e = rowptr[v]; e < rowptr[v + 1]; ++e)
      if (ref[cols[e]] < 0) ref[cols[e]] = ref[v] + 1, q.push(cols[e]);
  }
  int errors = 0;
  for (int v = 0; v < n; ++v) errors += cost[v] != ref[v];
  printf("%d levels\n", levels);
  cudaFree(drow); cudaFree(dcol); cudaFree(dcost); cudaFree(dfr); cudaFree(dnext); cudaFree(dvis); cudaFree(dchg);
  return verdict("bfs", errors);
}
