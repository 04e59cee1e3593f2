// initcheck: the first kernel fills only the even elements of the
// scratch buffer; the second reads every element.  Memory a kernel wrote
// (the even ones) and memory cudaMemset wrote (the output) pass.
// CHECK: initcheck
// expect: Uninitialized __global__ memory read of size 4 bytes
// expect: at .*init_kernel_written.cu:19:28 in kernel 'sum_pairs'
// expect: by thread \(0,0,0\) in block \(0,0,0\)
// expect: Address 0x[0-9a-f]+ is 4 bytes inside the 256-byte device allocation
#include <cstdio>

__global__ void fill_even(int *tmp) {
  int i = threadIdx.x;
  if (i % 2 == 0) tmp[i] = i;
}

__global__ void sum_pairs(const int *tmp, int *out) {
  int i = threadIdx.x;
  if (i < 32)
    out[i] += tmp[2 * i] + tmp[2 * i + 1];
}

int main() {
  int *tmp, *out;
  cudaMalloc(&tmp, 64 * sizeof(int));
  cudaMalloc(&out, 32 * sizeof(int));
  cudaMemset(out, 0, 32 * sizeof(int));
  fill_even<<<1, 64>>>(tmp);
  sum_pairs<<<1, 32>>>(tmp, out);
  cudaDeviceSynchronize();
  cudaFree(tmp);
  cudaFree(out);
  printf("done\n");
  return 0;
}
