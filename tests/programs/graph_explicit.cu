// A graph built node by node: memset, kernel (through cudaKernelNodeParams)
// and a host node that checks the result when the graph runs.
#include "common.h"

__global__ void fill(int *a, int v, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) a[i] += v + i;
}

static int host_errors = -1;
static int *host_view;
static void check_node(void *data) {
  int n = *(int *)data;
  host_errors = 0;
  for (int i = 0; i < n; ++i) host_errors += host_view[i] != 7 + i;
}

int main() {
  int n = 1000;
  int *a;
  CHECK(cudaMallocManaged(&a, n * sizeof(int)));
  host_view = a;
  cudaGraph_t g;
  CHECK(cudaGraphCreate(&g, 0));
  cudaGraphNode_t mset, kern, host;
  cudaMemsetParams mp = {};
  mp.dst = a;
  mp.value = 0;
  mp.elementSize = 1;
  mp.width = n * sizeof(int);
  mp.height = 1;
  CHECK(cudaGraphAddMemsetNode(&mset, g, nullptr, 0, &mp));
  int v = 7;
  void *args[] = {&a, &v, &n};
  cudaKernelNodeParams kp = {};
  kp.func = (void *)fill;
  kp.gridDim = dim3((n + 127) / 128);
  kp.blockDim = dim3(128);
  kp.kernelParams = args;
  CHECK(cudaGraphAddKernelNode(&kern, g, &mset, 1, &kp));
  cudaHostNodeParams hp = {check_node, &n};
  CHECK(cudaGraphAddHostNode(&host, g, &kern, 1, &hp));
  size_t count = 0;
  CHECK(cudaGraphGetNodes(g, nullptr, &count));
  cudaGraphExec_t e;
  CHECK(cudaGraphInstantiate(&e, g, 0));
  v = 100; // arguments were copied when the node was made
  CHECK(cudaGraphLaunch(e, 0));
  CHECK(cudaDeviceSynchronize());
  printf("%zu nodes, host node saw %d errors\n", count, host_errors);
  int errors = count != 3 || host_errors != 0;
  CHECK(cudaGraphExecDestroy(e));
  CHECK(cudaGraphDestroy(g));
  CHECK(cudaFree(a));
  return verdict("graph_explicit", errors);
}
