/*
 * runtime_graph.c — CUDA graphs: stream capture, explicit construction,
 * instantiation and launch.
 *
 * A graph is a list of nodes (kernel, 1-D copy, memset, host function,
 * empty) in creation order.  Every dependency CUDA lets a program state
 * points to an earlier node, so creation order is a topological order and
 * replaying the list on one stream honours all edges (independent nodes
 * run one after another, not side by side).  Kernel nodes keep a copy of
 * their argument values, taken when the node is made, as CUDA does.
 *
 * Memory nodes allocate when the node is made (its address is fixed for
 * the graph's lifetime, as in CUDA) and the memory belongs to the graph:
 * free nodes, and frees by the program, leave it in place, since CUDA
 * gives the same address back on the next launch.  It lives until the
 * program exits.
 *
 * Capture: cudaStreamBeginCapture gives the stream a graph to record
 * into; launches, async copies, memsets and host functions issued to it
 * become nodes instead of running.  An event recorded in a capturing
 * stream and waited on by another stream pulls that stream into the same
 * capture (fork/join); cudaStreamEndCapture on the origin stream ends it
 * for all of them.
 */
#include "compat/compat.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef enum { N_KERNEL, N_COPY, N_FILL, N_HOST, N_EMPTY, N_COPY3D, N_ALLOC, N_FREE } NodeKind;

struct CUgraphNode_st {
  NodeKind kind;
  cw_kernel *k;
  unsigned grid[3], block[3];
  size_t shared;
  void **argv;          /* pointers into vals */
  unsigned char *vals;
  void *dst;
  const void *src;
  size_t n;
  int value;
  cudaHostFn_t fn;
  void *data;
  struct cudaMemcpy3DParms copy3d;
  unsigned elem;        /* memset nodes: element size 1, 2 or 4, */
  size_t pitch, rows;   /* and rows of n elements, pitch bytes apart */
  int index;            /* position in its graph: the same node of an instance */
};

typedef struct CompatGraph {
  struct CUgraphNode_st **nodes;
  int n, cap;
} CompatGraph;

struct CUgraph_st { CompatGraph g; };
struct CUgraphExec_st { CompatGraph g; };

static struct CUgraphNode_st *add_node(CompatGraph *g, NodeKind kind) {
  if (g->n == g->cap) {
    int cap = g->cap ? g->cap * 2 : 16;
    struct CUgraphNode_st **nn = realloc(g->nodes, sizeof *nn * (size_t)cap);
    if (!nn) return NULL;
    g->nodes = nn;
    g->cap = cap;
  }
  struct CUgraphNode_st *node = calloc(1, sizeof *node);
  if (node) {
    node->kind = kind;
    node->index = g->n;
    g->nodes[g->n++] = node;
  }
  return node;
}

static bool copy_args(struct CUgraphNode_st *node, cw_kernel *k, void **args) {
  int np = cw_kernel_param_count(k);
  size_t total = 0;
  for (int i = 0; i < np; i++) total += (cw_kernel_param_size(k, i) + 15) & ~(size_t)15;
  node->argv = calloc((size_t)np + 1, sizeof *node->argv);
  node->vals = malloc(total ? total : 1);
  if (!node->argv || !node->vals) return false;
  size_t off = 0;
  for (int i = 0; i < np; i++) {
    size_t sz = cw_kernel_param_size(k, i);
    if (args && args[i]) memcpy(node->vals + off, args[i], sz);
    node->argv[i] = node->vals + off;
    off += (sz + 15) & ~(size_t)15;
  }
  return true;
}

static void free_graph(CompatGraph *g) {
  for (int i = 0; i < g->n; i++) {
    free(g->nodes[i]->argv);
    free(g->nodes[i]->vals);
    free(g->nodes[i]);
  }
  free(g->nodes);
  memset(g, 0, sizeof *g);
}

static cudaError_t clone_graph(CompatGraph *dst, const CompatGraph *src) {
  memset(dst, 0, sizeof *dst);
  for (int i = 0; i < src->n; i++) {
    const struct CUgraphNode_st *s = src->nodes[i];
    struct CUgraphNode_st *d = add_node(dst, s->kind);
    if (!d) return cudaErrorMemoryAllocation;
    *d = *s;
    d->argv = NULL, d->vals = NULL;
    if (s->kind == N_KERNEL && !copy_args(d, s->k, s->argv)) return cudaErrorMemoryAllocation;
  }
  return cudaSuccess;
}

/* ---- capture ------------------------------------------------------------ */

bool compat_is_capturing(cudaStream_t s) {
  return s && s != cudaStreamLegacy && s != cudaStreamPerThread && s->capture;
}

cudaError_t compat_capture_kernel(cudaStream_t s, cw_kernel *k, const unsigned g[3],
                                  const unsigned b[3], size_t shm, void **args) {
  struct CUgraphNode_st *n = add_node(s->capture, N_KERNEL);
  if (!n || !copy_args(n, k, args)) return cudaErrorMemoryAllocation;
  n->k = k;
  memcpy(n->grid, g, sizeof n->grid);
  memcpy(n->block, b, sizeof n->block);
  n->shared = shm;
  return cudaSuccess;
}

cudaError_t compat_capture_copy(cudaStream_t s, void *dst, const void *src, size_t len) {
  struct CUgraphNode_st *n = add_node(s->capture, N_COPY);
  if (!n) return cudaErrorMemoryAllocation;
  n->dst = dst, n->src = src, n->n = len;
  return cudaSuccess;
}

cudaError_t compat_capture_fill(cudaStream_t s, void *dst, int v, size_t len) {
  struct CUgraphNode_st *n = add_node(s->capture, N_FILL);
  if (!n) return cudaErrorMemoryAllocation;
  n->dst = dst, n->value = v, n->n = len;
  n->elem = 1, n->rows = 1;
  return cudaSuccess;
}

cudaError_t compat_capture_host(cudaStream_t s, cudaHostFn_t fn, void *data) {
  struct CUgraphNode_st *n = add_node(s->capture, N_HOST);
  if (!n) return cudaErrorMemoryAllocation;
  n->fn = fn, n->data = data;
  return cudaSuccess;
}

cudaError_t cudaStreamBeginCapture(cudaStream_t s, enum cudaStreamCaptureMode mode) {
  (void)mode;
  if (!s || s == cudaStreamLegacy || s == cudaStreamPerThread)
    return compat_ret(cudaErrorStreamCaptureUnsupported);
  if (s->capture) return compat_ret(cudaErrorIllegalState);
  struct CUgraph_st *g = calloc(1, sizeof *g);
  if (!g) return compat_ret(cudaErrorMemoryAllocation);
  s->capture = &g->g;
  s->capture_origin = true;
  return cudaSuccess;
}

cudaError_t cudaStreamEndCapture(cudaStream_t s, cudaGraph_t *out) {
  if (!out) return compat_ret(cudaErrorInvalidValue);
  if (!compat_is_capturing(s)) return compat_ret(cudaErrorIllegalState);
  if (!s->capture_origin) return compat_ret(cudaErrorStreamCaptureUnmatched);
  CompatGraph *g = s->capture;
  CompatState *st = compat_state();
  pthread_mutex_lock(&st->mu);
  for (int i = 0; i < st->nstreams; i++)
    if (st->streams[i]->capture == g) st->streams[i]->capture = NULL;
  pthread_mutex_unlock(&st->mu);
  s->capture = NULL;
  s->capture_origin = false;
  *out = (struct CUgraph_st *)g; /* g is the first member */
  return cudaSuccess;
}

cudaError_t cudaStreamIsCapturing(cudaStream_t s, enum cudaStreamCaptureStatus *status) {
  if (!status) return compat_ret(cudaErrorInvalidValue);
  *status = compat_is_capturing(s) ? cudaStreamCaptureStatusActive : cudaStreamCaptureStatusNone;
  return cudaSuccess;
}

/* ---- explicit construction ---------------------------------------------- */

cudaError_t cudaGraphCreate(cudaGraph_t *p, unsigned int flags) {
  if (!p || flags) return compat_ret(cudaErrorInvalidValue);
  *p = calloc(1, sizeof **p);
  return *p ? cudaSuccess : compat_ret(cudaErrorMemoryAllocation);
}

cudaError_t cudaGraphDestroy(cudaGraph_t g) {
  if (!g) return compat_ret(cudaErrorInvalidValue);
  free_graph(&g->g);
  free(g);
  return cudaSuccess;
}

static cudaError_t node_out(cudaGraphNode_t *p, struct CUgraphNode_st *n) {
  if (!n) return compat_ret(cudaErrorMemoryAllocation);
  if (p) *p = n;
  return cudaSuccess;
}

cudaError_t cudaGraphAddKernelNode(cudaGraphNode_t *p, cudaGraph_t g, const cudaGraphNode_t *deps,
                                   size_t ndeps, const struct cudaKernelNodeParams *kp) {
  (void)deps, (void)ndeps;
  if (!g || !kp) return compat_ret(cudaErrorInvalidValue);
  int id = compat_kernel_by_fn(kp->func);
  cw_kernel *k;
  cudaError_t err = id < 0 ? cudaErrorInvalidDeviceFunction : compat_kernel_resolve(id, &k);
  if (err != cudaSuccess) return compat_ret(err);
  struct CUgraphNode_st *n = add_node(&g->g, N_KERNEL);
  if (!n || !copy_args(n, k, kp->kernelParams)) return compat_ret(cudaErrorMemoryAllocation);
  n->k = k;
  n->grid[0] = kp->gridDim.x, n->grid[1] = kp->gridDim.y, n->grid[2] = kp->gridDim.z;
  n->block[0] = kp->blockDim.x, n->block[1] = kp->blockDim.y, n->block[2] = kp->blockDim.z;
  n->shared = kp->sharedMemBytes;
  return node_out(p, n);
}

cudaError_t cudaGraphAddMemcpyNode1D(cudaGraphNode_t *p, cudaGraph_t g,
                                     const cudaGraphNode_t *deps, size_t ndeps, void *dst,
                                     const void *src, size_t count, enum cudaMemcpyKind kind) {
  (void)deps, (void)ndeps, (void)kind;
  if (!g) return compat_ret(cudaErrorInvalidValue);
  struct CUgraphNode_st *n = add_node(&g->g, N_COPY);
  if (n) n->dst = dst, n->src = src, n->n = count;
  return node_out(p, n);
}

cudaError_t cudaGraphAddMemsetNode(cudaGraphNode_t *p, cudaGraph_t g, const cudaGraphNode_t *deps,
                                   size_t ndeps, const struct cudaMemsetParams *mp) {
  (void)deps, (void)ndeps;
  if (!g || !mp || (mp->elementSize != 1 && mp->elementSize != 2 && mp->elementSize != 4))
    return compat_ret(cudaErrorInvalidValue);
  if (mp->height > 1 && mp->pitch < mp->width * mp->elementSize)
    return compat_ret(cudaErrorInvalidValue);
  struct CUgraphNode_st *n = add_node(&g->g, N_FILL);
  if (n) {
    n->dst = mp->dst, n->value = (int)mp->value, n->n = mp->width;
    n->elem = mp->elementSize, n->pitch = mp->pitch, n->rows = mp->height ? mp->height : 1;
  }
  return node_out(p, n);
}

cudaError_t cudaGraphAddHostNode(cudaGraphNode_t *p, cudaGraph_t g, const cudaGraphNode_t *deps,
                                 size_t ndeps, const struct cudaHostNodeParams *hp) {
  (void)deps, (void)ndeps;
  if (!g || !hp || !hp->fn) return compat_ret(cudaErrorInvalidValue);
  struct CUgraphNode_st *n = add_node(&g->g, N_HOST);
  if (n) n->fn = hp->fn, n->data = hp->userData;
  return node_out(p, n);
}

cudaError_t cudaGraphAddEmptyNode(cudaGraphNode_t *p, cudaGraph_t g, const cudaGraphNode_t *deps,
                                  size_t ndeps) {
  (void)deps, (void)ndeps;
  if (!g) return compat_ret(cudaErrorInvalidValue);
  return node_out(p, add_node(&g->g, N_EMPTY));
}

cudaError_t cudaGraphGetNodes(cudaGraph_t g, cudaGraphNode_t *nodes, size_t *num) {
  if (!g || !num) return compat_ret(cudaErrorInvalidValue);
  if (nodes)
    for (size_t i = 0; i < *num && i < (size_t)g->g.n; i++) nodes[i] = g->g.nodes[i];
  else
    *num = (size_t)g->g.n;
  return cudaSuccess;
}

/* ---- instantiate and launch --------------------------------------------- */

cudaError_t cudaGraphInstantiate(cudaGraphExec_t *p, cudaGraph_t g, unsigned long long flags) {
  (void)flags;
  if (!p || !g) return compat_ret(cudaErrorInvalidValue);
  struct CUgraphExec_st *e = calloc(1, sizeof *e);
  if (!e) return compat_ret(cudaErrorMemoryAllocation);
  cudaError_t err = clone_graph(&e->g, &g->g);
  if (err != cudaSuccess) {
    free_graph(&e->g);
    free(e);
    return compat_ret(err);
  }
  *p = e;
  return cudaSuccess;
}

cudaError_t cudaGraphInstantiateWithFlags(cudaGraphExec_t *p, cudaGraph_t g,
                                          unsigned long long flags) {
  return cudaGraphInstantiate(p, g, flags);
}

cudaError_t cudaGraphExecDestroy(cudaGraphExec_t e) {
  if (!e) return compat_ret(cudaErrorInvalidValue);
  free_graph(&e->g);
  free(e);
  return cudaSuccess;
}

/* a memset node: bytes through cudaMemsetAsync, wider elements as a
 * pattern row copied to each row (pageable source: the copy completes
 * before it returns, so the row may go) */
static cudaError_t run_fill(struct CUgraphNode_st *n, cudaStream_t s) {
  if (n->elem == 1 && n->rows == 1) return cudaMemsetAsync(n->dst, n->value, n->n, s);
  size_t row = n->n * n->elem;
  unsigned char *pat = malloc(row ? row : 1);
  if (!pat) return cudaErrorMemoryAllocation;
  for (size_t i = 0; i < n->n; i++) {
    uint32_t v = (uint32_t)n->value;
    memcpy(pat + i * n->elem, &v, n->elem); /* little-endian: the low bytes */
  }
  cudaError_t err = cudaSuccess;
  for (size_t r = 0; r < n->rows && err == cudaSuccess; r++)
    err = cudaMemcpyAsync((char *)n->dst + r * n->pitch, pat, row, cudaMemcpyHostToDevice, s);
  free(pat);
  return err;
}

static cudaError_t run_node(struct CUgraphNode_st *n, cudaStream_t s) {
  switch (n->kind) {
  case N_KERNEL: {
    cw_status st = cw_launch(n->k, n->grid, n->block, n->shared, compat_stream(s), n->argv);
    if (st == CW_OK) return cudaSuccess;
    return compat_from_status(st, cw_last_error_message(compat_state()->ctx));
  }
  case N_COPY: return cudaMemcpyAsync(n->dst, n->src, n->n, cudaMemcpyDefault, s);
  case N_FILL: return run_fill(n, s);
  case N_HOST: return cudaLaunchHostFunc(s, n->fn, n->data);
  case N_COPY3D: return cudaMemcpy3DAsync(&n->copy3d, s);
  case N_EMPTY: case N_ALLOC: case N_FREE: return cudaSuccess;
  }
  return cudaErrorInvalidValue;
}

cudaError_t cudaGraphLaunch(cudaGraphExec_t e, cudaStream_t s) {
  if (!e) return compat_ret(cudaErrorInvalidValue);
  if (compat_is_capturing(s)) return compat_ret(cudaErrorStreamCaptureUnsupported);
  cudaError_t err = compat_order_before(s);
  if (err != cudaSuccess) return compat_ret(err);
  compat_managed_push();
  for (int i = 0; i < e->g.n && err == cudaSuccess; i++) err = run_node(e->g.nodes[i], s);
  return compat_ret(err);
}

/* ---- more node kinds ---------------------------------------------------- */

cudaError_t cudaGraphAddMemcpyNode(cudaGraphNode_t *p, cudaGraph_t g, const cudaGraphNode_t *deps,
                                   size_t ndeps, const struct cudaMemcpy3DParms *cp) {
  (void)deps, (void)ndeps;
  if (!g || !cp) return compat_ret(cudaErrorInvalidValue);
  struct CUgraphNode_st *n = add_node(&g->g, N_COPY3D);
  if (n) n->copy3d = *cp;
  return node_out(p, n);
}

cudaError_t cudaGraphAddMemAllocNode(cudaGraphNode_t *p, cudaGraph_t g,
                                     const cudaGraphNode_t *deps, size_t ndeps,
                                     struct cudaMemAllocNodeParams *ap) {
  (void)deps, (void)ndeps;
  if (!g || !ap || !ap->bytesize) return compat_ret(cudaErrorInvalidValue);
  cudaError_t err = cudaMalloc(&ap->dptr, ap->bytesize);
  if (err != cudaSuccess) return err;
  compat_alloc_give_graph(ap->dptr);
  struct CUgraphNode_st *n = add_node(&g->g, N_ALLOC);
  if (n) n->dst = ap->dptr, n->n = ap->bytesize;
  return node_out(p, n);
}

cudaError_t cudaGraphAddMemFreeNode(cudaGraphNode_t *p, cudaGraph_t g, const cudaGraphNode_t *deps,
                                    size_t ndeps, void *dptr) {
  (void)deps, (void)ndeps;
  if (!g || !dptr) return compat_ret(cudaErrorInvalidValue);
  struct CUgraphNode_st *n = add_node(&g->g, N_FREE);
  if (n) n->dst = dptr;
  return node_out(p, n);
}

cudaError_t compat_capture_free(cudaStream_t s, void *p) {
  struct CUgraphNode_st *n = add_node(s->capture, N_FREE);
  if (!n) return cudaErrorMemoryAllocation;
  n->dst = p;
  return cudaSuccess;
}

/* ---- copying and editing graphs ----------------------------------------- */

cudaError_t cudaGraphClone(cudaGraph_t *out, cudaGraph_t g) {
  if (!out || !g) return compat_ret(cudaErrorInvalidValue);
  struct CUgraph_st *c = calloc(1, sizeof *c);
  if (!c) return compat_ret(cudaErrorMemoryAllocation);
  cudaError_t err = clone_graph(&c->g, &g->g);
  if (err != cudaSuccess) {
    free_graph(&c->g);
    free(c);
    return compat_ret(err);
  }
  *out = c;
  return cudaSuccess;
}

cudaError_t cudaGraphKernelNodeGetParams(cudaGraphNode_t n, struct cudaKernelNodeParams *kp) {
  if (!n || !kp || n->kind != N_KERNEL) return compat_ret(cudaErrorInvalidValue);
  memset(kp, 0, sizeof *kp);
  kp->gridDim.x = n->grid[0], kp->gridDim.y = n->grid[1], kp->gridDim.z = n->grid[2];
  kp->blockDim.x = n->block[0], kp->blockDim.y = n->block[1], kp->blockDim.z = n->block[2];
  kp->sharedMemBytes = (unsigned)n->shared;
  kp->kernelParams = n->argv;
  return cudaSuccess;
}

static cudaError_t set_kernel(struct CUgraphNode_st *n, const struct cudaKernelNodeParams *kp) {
  if (!n || !kp || n->kind != N_KERNEL) return compat_ret(cudaErrorInvalidValue);
  int id = compat_kernel_by_fn(kp->func);
  cw_kernel *k;
  cudaError_t err = id < 0 ? cudaErrorInvalidDeviceFunction : compat_kernel_resolve(id, &k);
  if (err != cudaSuccess) return compat_ret(err);
  void **argv = n->argv;
  unsigned char *vals = n->vals;
  if (!copy_args(n, k, kp->kernelParams)) {
    free(n->argv), free(n->vals);
    n->argv = argv, n->vals = vals;
    return compat_ret(cudaErrorMemoryAllocation);
  }
  free(argv), free(vals);
  n->k = k;
  n->grid[0] = kp->gridDim.x, n->grid[1] = kp->gridDim.y, n->grid[2] = kp->gridDim.z;
  n->block[0] = kp->blockDim.x, n->block[1] = kp->blockDim.y, n->block[2] = kp->blockDim.z;
  n->shared = kp->sharedMemBytes;
  return cudaSuccess;
}

cudaError_t cudaGraphKernelNodeSetParams(cudaGraphNode_t n, const struct cudaKernelNodeParams *kp) {
  return set_kernel(n, kp);
}

cudaError_t cudaGraphExecKernelNodeSetParams(cudaGraphExec_t e, cudaGraphNode_t n,
                                             const struct cudaKernelNodeParams *kp) {
  if (!e || !n || n->index >= e->g.n) return compat_ret(cudaErrorInvalidValue);
  return set_kernel(e->g.nodes[n->index], kp);
}

/* an instance takes a graph's parameters when the two have the same nodes
 * of the same kinds in the same order (CUDA's rule, with creation order
 * standing for the topology) */
cudaError_t cudaGraphExecUpdate(cudaGraphExec_t e, cudaGraph_t g,
                                struct cudaGraphExecUpdateResultInfo *info) {
  if (!e || !g) return compat_ret(cudaErrorInvalidValue);
  struct cudaGraphExecUpdateResultInfo r = {cudaGraphExecUpdateSuccess, NULL, NULL};
  if (e->g.n != g->g.n) r.result = cudaGraphExecUpdateErrorTopologyChanged;
  for (int i = 0; r.result == cudaGraphExecUpdateSuccess && i < g->g.n; i++)
    if (e->g.nodes[i]->kind != g->g.nodes[i]->kind) {
      r.result = cudaGraphExecUpdateErrorNodeTypeChanged;
      r.errorNode = g->g.nodes[i];
    }
  if (info) *info = r;
  if (r.result != cudaGraphExecUpdateSuccess) return compat_ret(cudaErrorGraphExecUpdateFailure);
  CompatGraph fresh;
  cudaError_t err = clone_graph(&fresh, &g->g);
  if (err != cudaSuccess) {
    free_graph(&fresh);
    return compat_ret(err);
  }
  free_graph(&e->g);
  e->g = fresh;
  return cudaSuccess;
}
