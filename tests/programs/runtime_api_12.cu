// The CUDA 11-13 runtime API that newer samples use: 3-D pitched memory
// and copies, CUDA arrays, memory pools, graph memcpy/memset/alloc/free
// nodes, cloning and updating graphs, changing a kernel node's arguments,
// location-based prefetch and advice, and the newer device attributes.
#include "common.h"
#include <cuda_profiler_api.h>

__global__ void add(int *a, int v, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) a[i] += v;
}

static int check_3d() {
  const int W = 5, H = 4, D = 3;
  int host[D][H][W], back[D][H][W];
  for (int z = 0; z < D; z++)
    for (int y = 0; y < H; y++)
      for (int x = 0; x < W; x++) host[z][y][x] = z * 100 + y * 10 + x;
  cudaExtent e = make_cudaExtent(W * sizeof(int), H, D);
  cudaPitchedPtr dev;
  CHECK(cudaMalloc3D(&dev, e));
  CHECK(cudaMemset3D(dev, 0, e));
  cudaMemcpy3DParms p = {0};
  p.srcPtr = make_cudaPitchedPtr(host, W * sizeof(int), W, H);
  p.dstPtr = dev;
  p.extent = e;
  p.kind = cudaMemcpyHostToDevice;
  CHECK(cudaMemcpy3D(&p));
  // copy back the block from (1, 1, 1) on into the same place
  memset(back, 0, sizeof back);
  cudaMemcpy3DParms q = {0};
  q.srcPtr = dev;
  q.srcPos = make_cudaPos(1 * sizeof(int), 1, 1);
  q.dstPtr = make_cudaPitchedPtr(back, W * sizeof(int), W, H);
  q.dstPos = make_cudaPos(1 * sizeof(int), 1, 1);
  q.extent = make_cudaExtent((W - 1) * sizeof(int), H - 1, D - 1);
  q.kind = cudaMemcpyDeviceToHost;
  CHECK(cudaMemcpy3D(&q));
  int errors = 0;
  for (int z = 0; z < D; z++)
    for (int y = 0; y < H; y++)
      for (int x = 0; x < W; x++)
        errors += back[z][y][x] != (x && y && z ? host[z][y][x] : 0);
  CHECK(cudaFree(dev.ptr));
  return errors;
}

static int check_array() {
  const int W = 8, H = 4;
  float img[H][W], out[H][W];
  for (int y = 0; y < H; y++)
    for (int x = 0; x < W; x++) img[y][x] = y * W + x + 0.5f;
  cudaChannelFormatDesc desc = cudaCreateChannelDesc(32, 0, 0, 0, cudaChannelFormatKindFloat);
  cudaArray_t arr;
  CHECK(cudaMallocArray(&arr, &desc, W, H));
  CHECK(cudaMemcpy2DToArray(arr, 0, 0, img, W * sizeof(float), W * sizeof(float), H,
                            cudaMemcpyHostToDevice));
  CHECK(cudaMemcpy2DFromArray(out, W * sizeof(float), arr, 0, 0, W * sizeof(float), H,
                              cudaMemcpyDeviceToHost));
  int errors = memcmp(img, out, sizeof img) != 0;
  cudaExtent e;
  cudaChannelFormatDesc d2;
  CHECK(cudaArrayGetInfo(&d2, &e, NULL, arr));
  errors += e.width != W || e.height != H || d2.x != 32 || d2.f != cudaChannelFormatKindFloat;
  CHECK(cudaFreeArray(arr));
  return errors;
}

static int check_pool() {
  cudaMemPool_t pool;
  CHECK(cudaDeviceGetDefaultMemPool(&pool, 0));
  unsigned long long threshold = ~0ull, got = 0;
  CHECK(cudaMemPoolSetAttribute(pool, cudaMemPoolAttrReleaseThreshold, &threshold));
  CHECK(cudaMemPoolGetAttribute(pool, cudaMemPoolAttrReleaseThreshold, &got));
  int *p;
  cudaStream_t s;
  CHECK(cudaStreamCreate(&s));
  CHECK(cudaMallocFromPoolAsync(&p, 256 * sizeof(int), pool, s));
  CHECK(cudaMemsetAsync(p, 0, 256 * sizeof(int), s));
  add<<<1, 256, 0, s>>>(p, 3, 256);
  int h[256];
  CHECK(cudaMemcpyAsync(h, p, sizeof h, cudaMemcpyDeviceToHost, s));
  CHECK(cudaFreeAsync(p, s));
  CHECK(cudaStreamSynchronize(s));
  CHECK(cudaStreamDestroy(s));
  int errors = got != threshold;
  for (int i = 0; i < 256; i++) errors += h[i] != 3;
  return errors;
}

/* memset node of 4-byte elements -> kernel -> 3-D memcpy node back to the
 * host; returns the copy node's graph and the kernel node's parameters */
static void add_chain(cudaGraph_t g, cudaGraphNode_t *dep, int ndep, int **d, int *h,
                      void **args, cudaKernelNodeParams *kp, cudaGraphNode_t *kern,
                      cudaGraphNode_t *copy, int n) {
  cudaMemsetParams mp = {};
  mp.dst = *d;
  mp.value = 40;
  mp.elementSize = 4;
  mp.width = n;
  mp.height = 1;
  cudaGraphNode_t mset;
  CHECK(cudaGraphAddMemsetNode(&mset, g, dep, ndep, &mp));
  *kp = {};
  kp->func = (void *)add;
  kp->gridDim = dim3((n + 127) / 128);
  kp->blockDim = dim3(128);
  kp->kernelParams = args;
  CHECK(cudaGraphAddKernelNode(kern, g, &mset, 1, kp));
  cudaMemcpy3DParms cp = {0};
  cp.srcPtr = make_cudaPitchedPtr(*d, n * sizeof(int), n, 1);
  cp.dstPtr = make_cudaPitchedPtr(h, n * sizeof(int), n, 1);
  cp.extent = make_cudaExtent(n * sizeof(int), 1, 1);
  cp.kind = cudaMemcpyDeviceToHost;
  CHECK(cudaGraphAddMemcpyNode(copy, g, kern, 1, &cp));
}

/* The chain on memory from an alloc node freed by a free node, with a
 * kernel node's argument changed in the instance; then the chain on
 * cudaMalloc'd memory, cloned, instantiated from the clone and updated
 * from the original (CUDA clones no graph with memory nodes, and a node
 * of the original is not a node of the clone's instance). */
static int check_graph() {
  const int n = 300;
  static int h[n];
  cudaGraph_t g;
  CHECK(cudaGraphCreate(&g, 0));
  cudaMemAllocNodeParams ap;
  memset(&ap, 0, sizeof ap);
  ap.bytesize = n * sizeof(int);
  ap.poolProps.allocType = cudaMemAllocationTypePinned;
  ap.poolProps.location.type = cudaMemLocationTypeDevice;
  ap.poolProps.location.id = 0;
  cudaGraphNode_t alloc, kern, copy, fre;
  CHECK(cudaGraphAddMemAllocNode(&alloc, g, NULL, 0, &ap));
  int *d = (int *)ap.dptr;
  int v = 1, count = n;
  void *args[] = {&d, &v, &count};
  cudaKernelNodeParams kp;
  add_chain(g, &alloc, 1, &d, h, args, &kp, &kern, &copy, n);
  CHECK(cudaGraphAddMemFreeNode(&fre, g, &copy, 1, d));
  cudaGraphExec_t exec;
  CHECK(cudaGraphInstantiate(&exec, g, NULL, NULL, 0));  // the CUDA 11 form
  CHECK(cudaGraphLaunch(exec, 0));
  CHECK(cudaStreamSynchronize(0));
  int errors = 0;
  for (int i = 0; i < n; i++) errors += h[i] != 41;
  v = 2;  // new argument for the instance's kernel node
  CHECK(cudaGraphExecKernelNodeSetParams(exec, kern, &kp));
  CHECK(cudaGraphLaunch(exec, 0));
  CHECK(cudaStreamSynchronize(0));
  for (int i = 0; i < n; i++) errors += h[i] != 42;
  CHECK(cudaGraphExecDestroy(exec));
  CHECK(cudaGraphDestroy(g));

  int *m;
  CHECK(cudaMalloc(&m, n * sizeof(int)));
  cudaGraph_t g2, clone;
  CHECK(cudaGraphCreate(&g2, 0));
  v = 1;
  void *args2[] = {&m, &v, &count};
  add_chain(g2, NULL, 0, &m, h, args2, &kp, &kern, &copy, n);
  CHECK(cudaGraphClone(&clone, g2));
  CHECK(cudaGraphInstantiate(&exec, clone, 0));
  CHECK(cudaGraphLaunch(exec, 0));
  CHECK(cudaStreamSynchronize(0));
  for (int i = 0; i < n; i++) errors += h[i] != 41;
  v = 5;  // same topology: the update takes the original graph's parameters
  CHECK(cudaGraphKernelNodeSetParams(kern, &kp));
  cudaGraphExecUpdateResult res;
  cudaGraphNode_t err_node;
  CHECK(cudaGraphExecUpdate(exec, g2, &err_node, &res));
  errors += res != cudaGraphExecUpdateSuccess;
  CHECK(cudaGraphLaunch(exec, 0));
  CHECK(cudaStreamSynchronize(0));
  for (int i = 0; i < n; i++) errors += h[i] != 45;
  CHECK(cudaGraphExecDestroy(exec));
  CHECK(cudaGraphDestroy(clone));
  CHECK(cudaGraphDestroy(g2));
  CHECK(cudaFree(m));
  return errors;
}

static int check_managed() {
  int *m;
  CHECK(cudaMallocManaged(&m, 64 * sizeof(int)));
  cudaMemLocation loc = {cudaMemLocationTypeDevice, 0};
  CHECK(cudaMemAdvise(m, 64 * sizeof(int), cudaMemAdviseSetPreferredLocation, loc));
  CHECK(cudaMemAdvise(m, 64 * sizeof(int), cudaMemAdviseSetReadMostly, loc));
  CHECK(cudaMemPrefetchAsync(m, 64 * sizeof(int), loc, 0, 0));
  cudaMemLocation bad = {cudaMemLocationTypeDevice, 5};
  int errors = cudaMemPrefetchAsync(m, 64 * sizeof(int), bad, 0, 0) != cudaErrorInvalidDevice;
  cudaGetLastError();
  CHECK(cudaFree(m));
  int cma = -1, pools = -1;
  CHECK(cudaDeviceGetAttribute(&cma, cudaDevAttrConcurrentManagedAccess, 0));
  CHECK(cudaDeviceGetAttribute(&pools, cudaDevAttrMemoryPoolsSupported, 0));
  return errors + (cma != 0 && cma != 1) + (pools != 1);
}

int main() {
  CHECK(cudaProfilerStart());
  // each part says how it went, so a failure names its part
  static const struct { const char *name; int (*run)(); } parts[] = {
      {"3-D memory", check_3d}, {"arrays", check_array}, {"memory pools", check_pool},
      {"graphs", check_graph}, {"managed memory", check_managed}};
  int errors = 0;
  for (const auto &part : parts) {
    int e = part.run();
    printf("%s: %d errors\n", part.name, e);
    errors += e;
  }
  CHECK(cudaProfilerStop());
  return verdict("runtime_api_12", errors);
}
