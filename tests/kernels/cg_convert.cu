// cg_convert.cu: exercises cooperative-groups conversions: a thread_block
// passed where a thread_group parameter is expected (converting
// constructor), sub-tiles of a tile with the parent size deduced
// (tiled_partition<8>(tile32)), group sync in a loop, dynamic shared memory.
// launch: sum_kernel --grid 4 --block 256 --shared 1024 i32[1]=zeros i32[1024]=fill:1 i32:1024
#include <cooperative_groups.h>
namespace cg = cooperative_groups;

__device__ int reduce_sum(cg::thread_group g, int *temp, int val)
{
    int lane = g.thread_rank();
    for (int i = g.size() / 2; i > 0; i /= 2) {
        temp[lane] = val;
        g.sync();
        if (lane < i) val += temp[lane + i];
        g.sync();
    }
    return val;
}

__global__ void sum_kernel(int *sum, const int *input, int n)
{
    extern __shared__ int temp[];
    int idx = blockIdx.x * blockDim.x + threadIdx.x;
    int my = idx < n ? input[idx] : 0;
    int block_sum = reduce_sum(cg::this_thread_block(), temp, my);
    cg::thread_block blk = cg::this_thread_block();
    cg::thread_block_tile<32> t32 = cg::tiled_partition<32>(blk);
    cg::thread_block_tile<8> t8 = cg::tiled_partition<8>(t32);
    if (t8.thread_rank() == 0 && t8.meta_group_rank() == 0 && t32.meta_group_rank() == 0)
        atomicAdd(sum, block_sum);
}
