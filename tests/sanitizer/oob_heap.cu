// memcheck: each thread builds a list in the device heap (malloc in the
// kernel) and a second kernel sums it with `<=`, one element too far.
// Reading the lists within bounds is no error: memcheck knows the heap.
// CHECK: memcheck
// expect: Invalid __global__ read of size 4 bytes
// expect: at .*oob_heap.cu:21:37 in kernel 'sum_lists'
// expect: by thread \(0,0,0\) in block \(0,0,0\)
// expect: Address 0x[0-9a-f]+ is 0 bytes after the end of the 32-byte device heap block
#include <cstdio>

__device__ int *lists[32];

__global__ void make_lists(int n) {
  int *p = (int *)malloc(n * sizeof(int));
  for (int i = 0; i < n; i++) p[i] = i + (int)threadIdx.x;
  lists[threadIdx.x] = p;
}

__global__ void sum_lists(int n, int *out) {
  int *p = lists[threadIdx.x], s = 0;
  for (int i = 0; i <= n; i++) s += p[i];
  out[threadIdx.x] = s;
  free(p);
}

int main() {
  int *out;
  cudaMalloc(&out, 32 * sizeof(int));
  make_lists<<<1, 32>>>(8);
  sum_lists<<<1, 32>>>(8, out);
  cudaDeviceSynchronize();
  cudaFree(out);
  printf("done\n");
  return 0;
}
