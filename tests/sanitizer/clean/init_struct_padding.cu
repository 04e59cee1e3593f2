// No false positive: structs with padding written field by field (their
// padding never written) and then copied whole, which the C code of a
// checked kernel does byte for byte where a GPU loads only the fields.
// initcheck must test the fields alone: copies of arrays' elements, of
// members that are structs or elements of member arrays, `*p`, struct
// arguments, a struct returned through a pointer, a __device__ variable,
// a union whose largest member leaves alignment padding, bit-fields, and a
// struct in shared memory; every checker runs on it.
#include <cstdio>

struct Pair { int key; double weight; };                // 4 bytes after key
struct Flag { char on; int count; };                    // 3 bytes after on
struct Node { Flag flags[2]; short depth; Pair best; }; // nested, 40 bytes
union __align__(8) Word { char c[3]; short s; };        // 3 bytes of 8 (a byte counts if a member covers it)
struct Packed { unsigned lo : 5; unsigned hi : 7; char tail; Word w; };

__device__ Pair g_best;

__device__ double weigh(Pair p) { return p.key + p.weight; }
__device__ void copy_pair(const Pair *from, Pair *to) { *to = *from; }

__global__ void fill(Pair *pairs, Node *nodes, Packed *packed) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  pairs[i].key = i;
  pairs[i].weight = 0.25 * i;
  nodes[i].flags[0].on = 1;
  nodes[i].flags[0].count = i;
  nodes[i].flags[1].on = 0;
  nodes[i].flags[1].count = -i;
  nodes[i].depth = (short)(i % 7);
  nodes[i].best.key = 2 * i;
  nodes[i].best.weight = 1.5;
  packed[i].lo = i & 31;
  packed[i].hi = i & 127;
  packed[i].tail = 't';
  for (int b = 0; b < 3; b++) packed[i].w.c[b] = (char)(i + b);
  if (i == 0) {
    g_best.key = 7;
    g_best.weight = 0.5;
  }
}

__global__ void use(const Pair *pairs, const Node *nodes, const Packed *packed, Pair *moved,
                    double *out) {
  __shared__ Pair tile[64];
  int t = threadIdx.x, i = blockIdx.x * blockDim.x + t;
  tile[t].key = pairs[i].key;
  tile[t].weight = pairs[i].weight;
  __syncthreads();
  Pair p = pairs[i];                         // an element of an array
  Node n = nodes[i];                         // nested structs and a member array
  Pair best = nodes[i].best;                 // a member that is a struct
  Flag f = nodes[i].flags[1];                // an element of a member array
  Pair q = *(pairs + i);                     // *p
  Pair r;
  copy_pair(&pairs[i], &r);                  // returned through a pointer
  moved[i] = pairs[i];                       // copied whole from memory to memory
  Packed k = packed[i];                      // bit-fields and a padded union
  Word w = packed[i].w;
  Pair g = g_best;                           // a __device__ variable
  Pair s = tile[(t + 1) % blockDim.x];       // shared memory
  out[i] = p.weight + n.best.weight + best.weight + f.count + q.key + r.weight +
           weigh(pairs[i]) + k.lo + k.hi + k.tail + w.c[2] + g.weight + s.key + n.flags[0].count;
}

int main() {
  const int blocks = 2, threads = 64, total = blocks * threads;
  Pair *pairs, *moved;
  Node *nodes;
  Packed *packed;
  double *out;
  cudaMalloc(&pairs, total * sizeof(Pair));
  cudaMalloc(&moved, total * sizeof(Pair));
  cudaMalloc(&nodes, total * sizeof(Node));
  cudaMalloc(&packed, total * sizeof(Packed));
  cudaMalloc(&out, total * sizeof(double));
  fill<<<blocks, threads>>>(pairs, nodes, packed);
  use<<<blocks, threads>>>(pairs, nodes, packed, moved, out);
  double h[total];
  Pair hm[total];
  cudaMemcpy(h, out, sizeof h, cudaMemcpyDeviceToHost);
  cudaMemcpy(hm, moved, sizeof hm, cudaMemcpyDeviceToHost);
  int wrong = 0;
  for (int i = 0; i < total; i++) {
    int t = i % threads, s = i - t + (t + 1) % threads;
    double want = 0.25 * i + 1.5 + 1.5 + -i + i + 0.25 * i + (i + 0.25 * i) + (i & 31) +
                  (i & 127) + 't' + (char)(i + 2) + 0.5 + s + i;
    wrong += h[i] != want || hm[i].key != i || hm[i].weight != 0.25 * i;
  }
  cudaFree(pairs);
  cudaFree(moved);
  cudaFree(nodes);
  cudaFree(packed);
  cudaFree(out);
  printf("%s\n", wrong ? "FAILED" : "PASSED");
  return wrong != 0;
}
