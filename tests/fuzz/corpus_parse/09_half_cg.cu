#include <cuda_fp16.h>
#include <cooperative_groups.h>
#include <cooperative_groups/reduce.h>
namespace cg = cooperative_groups;
__global__ void hdot(const __half2 *a, const __half2 *b, float *out, int n) {
  cg::thread_block block = cg::this_thread_block();
  cg::thread_block_tile<32> tile = cg::tiled_partition<32>(block);
  __half2 acc = __float2half2_rn(0.0f);
  for (int i = block.thread_rank(); i < n; i += block.size())
    acc = __hfma2(a[i], b[i], acc);
  float v = __low2float(acc) + __high2float(acc);
  v = cg::reduce(tile, v, cg::plus<float>());
  if (tile.thread_rank() == 0) atomicAdd(out, v);
}
