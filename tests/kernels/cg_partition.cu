// cg_partition.cu: exercises cooperative-groups partitions by value:
// cg::binary_partition of a 32-thread tile by a predicate and
// cg::labeled_partition by a small label, each followed by cg::reduce and
// size()/thread_rank() on the resulting coalesced group, then cg::sync on
// the parent tile; the partition's leader adds the group's count and sum;
// a thread_block_tile<8> passed where a thread_group is expected (the
// converting constructor template); ranks in thread_groups made by
// tiled_partition(parent, n) of 16 threads from the block, of 4 from that
// tile, and from a coalesced group.  (CUDA's run-time tiled_partition
// takes no tile wider than a warp: it traps — cooperative_groups.h's
// _get_tiled_threads — so the launch fails on a GPU.)
// launch: oddEvenSums --grid 4 --block 128 i32[512]=rand:91 i32[2]=zeros i32[1]=zeros i32:512
// launch: labelSums --grid 2 --block 64 i32[128]=iota i32[4]=zeros i32:128
// launch: tileAsGroup --grid 1 --block 64 i32[64]=zeros
// launch: groupRanks --grid 2 --block 96 i32[192]=zeros
#include <cooperative_groups.h>
#include <cooperative_groups/reduce.h>
namespace cg = cooperative_groups;

__global__ void oddEvenSums(const int *in, int *sums, int *odd_count, int n)
{
    cg::thread_block block = cg::this_thread_block();
    cg::thread_block_tile<32> tile = cg::tiled_partition<32>(block);
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    int v = i < n ? (in[i] & 1023) : 0;
    cg::coalesced_group part = cg::binary_partition(tile, v & 1);
    int sum = cg::reduce(part, v, cg::plus<int>());
    if (part.thread_rank() == 0) {
        atomicAdd(&sums[v & 1], sum);
        if (v & 1) atomicAdd(odd_count, (int)part.size());
    }
    cg::sync(tile);
}

__global__ void labelSums(const int *in, int *sums, int n)
{
    cg::thread_block_tile<32> tile = cg::tiled_partition<32>(cg::this_thread_block());
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    int v = i < n ? in[i] : 0;
    int label = v % 4;
    cg::coalesced_group part = cg::labeled_partition(tile, label);
    int sum = cg::reduce(part, v, cg::plus<int>());
    if (part.thread_rank() == 0) atomicAdd(&sums[label], sum);
}

__device__ int rankAndSize(cg::thread_group g) { return (int)(g.thread_rank() * 100 + g.size()); }

__global__ void tileAsGroup(int *out)
{
    cg::thread_block_tile<8> tile = cg::tiled_partition<8>(cg::this_thread_block());
    out[threadIdx.x] = rankAndSize(tile) + rankAndSize(cg::this_thread_block()) * 1000;
}

__global__ void groupRanks(int *out)
{
    cg::thread_block block = cg::this_thread_block();
    cg::thread_group t16 = cg::tiled_partition(block, 16);
    cg::thread_group t4 = cg::tiled_partition(t16, 4);
    cg::coalesced_group parity = cg::binary_partition(cg::tiled_partition<32>(block), threadIdx.x % 3 == 0);
    cg::thread_group p = parity;
    out[blockIdx.x * blockDim.x + threadIdx.x] = (int)(t16.thread_rank() + 100 * t4.thread_rank() +
        1000 * p.thread_rank() + 100000 * t4.size() + 10000000 * (p.size() & 1));
}
