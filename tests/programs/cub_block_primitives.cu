// CUB's block-level primitives as programs use them: BlockLoad/BlockStore
// (blocked arrangement, full and partial tiles), BlockScan on arrays of
// items (ExclusiveSum with the block aggregate, InclusiveScan with
// a maximum, ExclusiveScan with an initial value and an operator of our
// own) and on one item per thread (InclusiveSum), each called on a
// temporary (`BlockScanT(storage).ExclusiveSum(...)`), with the storage in
// a shared union.  Built by nvcc it runs NVIDIA's CUB; under cuwasm, ours.
#include "common.h"
#include <cub/block/block_load.cuh>
#include <cub/block/block_scan.cuh>
#include <cub/block/block_store.cuh>

struct MaxOp {  // cub::Max of CUB 1.x/2.x; CUDA 13's CUB dropped it
  __device__ int operator()(const int &a, const int &b) const { return a < b ? b : a; }
};

struct MulMod {  // associative: (a * b) mod 1000003
  __device__ long long operator()(const long long &a, const long long &b) const {
    return (a * b) % 1000003;
  }
};

template <int THREADS, int ITEMS>
__global__ void scans(const int *in, int *excl, int *incl_max, long long *prod, int *aggs,
                      int *single, int valid) {
  typedef cub::BlockLoad<int, THREADS, ITEMS, cub::BLOCK_LOAD_WARP_TRANSPOSE> Load;
  typedef cub::BlockStore<int, THREADS, ITEMS, cub::BLOCK_STORE_WARP_TRANSPOSE> Store;
  typedef cub::BlockScan<int, THREADS> Scan;
  typedef cub::BlockScan<long long, THREADS, cub::BLOCK_SCAN_WARP_SCANS> ScanL;
  __shared__ union {
    typename Load::TempStorage load;
    typename Store::TempStorage store;
    typename Scan::TempStorage scan;
    typename ScanL::TempStorage scanl;
  } tmp;
  const int tile = THREADS * ITEMS, base = blockIdx.x * tile;
  int items[ITEMS], out[ITEMS];
  Load(tmp.load).Load(in + base, items, valid, -1);  // past `valid`: -1
  __syncthreads();
  int total;
  Scan(tmp.scan).ExclusiveSum(items, out, total);
  __syncthreads();
  Store(tmp.store).Store(excl + base, out);
  __syncthreads();
  Scan(tmp.scan).InclusiveScan(items, out, MaxOp());
  __syncthreads();
  Store(tmp.store).Store(incl_max + base, out, valid);  // a partial store
  __syncthreads();
  long long wide[ITEMS], wout[ITEMS];
  for (int i = 0; i < ITEMS; i++) wide[i] = items[i] < 0 ? 1 : items[i] + 2;
  ScanL(tmp.scanl).ExclusiveScan(wide, wout, 7LL, MulMod());
  for (int i = 0; i < ITEMS; i++) prod[base + threadIdx.x * ITEMS + i] = wout[i];
  __syncthreads();
  int one;
  Scan(tmp.scan).InclusiveSum((int)threadIdx.x + 1, one);
  single[blockIdx.x * THREADS + threadIdx.x] = one;
  if (threadIdx.x == 0) aggs[blockIdx.x] = total;
}

int main() {
  const int T = 64, I = 3, B = 2, N = T * I * B, VALID = T * I - 10;
  static int in[N], excl[N], incl[N], aggs[B], single[B * T];
  static long long prod[N];
  for (int i = 0; i < N; i++) in[i] = (i * 37 + 11) % 97 - 20;
  int *d_in, *d_excl, *d_incl, *d_aggs, *d_single;
  long long *d_prod;
  CHECK(cudaMalloc(&d_in, sizeof in));
  CHECK(cudaMalloc(&d_excl, sizeof excl));
  CHECK(cudaMalloc(&d_incl, sizeof incl));
  CHECK(cudaMalloc(&d_prod, sizeof prod));
  CHECK(cudaMalloc(&d_aggs, sizeof aggs));
  CHECK(cudaMalloc(&d_single, sizeof single));
  CHECK(cudaMemcpy(d_in, in, sizeof in, cudaMemcpyHostToDevice));
  CHECK(cudaMemset(d_incl, 0, sizeof incl));
  scans<T, I><<<B, T>>>(d_in, d_excl, d_incl, d_prod, d_aggs, d_single, VALID);
  CHECK(cudaGetLastError());
  CHECK(cudaMemcpy(excl, d_excl, sizeof excl, cudaMemcpyDeviceToHost));
  CHECK(cudaMemcpy(incl, d_incl, sizeof incl, cudaMemcpyDeviceToHost));
  CHECK(cudaMemcpy(prod, d_prod, sizeof prod, cudaMemcpyDeviceToHost));
  CHECK(cudaMemcpy(aggs, d_aggs, sizeof aggs, cudaMemcpyDeviceToHost));
  CHECK(cudaMemcpy(single, d_single, sizeof single, cudaMemcpyDeviceToHost));
  int errors = 0;
  for (int b = 0; b < B; b++) {
    int sum = 0, mx = 0;
    long long p = 7;
    for (int i = 0; i < T * I; i++) {
      int k = b * T * I + i, v = i < VALID ? in[k] : -1;
      if (excl[k] != sum && errors++ < 5) printf("excl[%d] = %d, expected %d\n", k, excl[k], sum);
      sum += v;
      mx = i == 0 || v > mx ? v : mx;
      int want_incl = i < VALID ? mx : 0;  // the partial store left the rest alone
      if (incl[k] != want_incl && errors++ < 5)
        printf("incl_max[%d] = %d, expected %d\n", k, incl[k], want_incl);
      if (prod[k] != p && errors++ < 5) printf("prod[%d] = %lld, expected %lld\n", k, prod[k], p);
      p = (p * (v < 0 ? 1 : v + 2)) % 1000003;
    }
    if (aggs[b] != sum && errors++ < 5) printf("aggregate[%d] = %d, expected %d\n", b, aggs[b], sum);
    for (int t = 0; t < T; t++)
      if (single[b * T + t] != (t + 1) * (t + 2) / 2 && errors++ < 5)
        printf("single[%d] = %d\n", b * T + t, single[b * T + t]);
  }
  return verdict("cub_block_primitives", errors);
}
