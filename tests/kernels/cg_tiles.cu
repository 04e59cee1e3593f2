// cg_tiles.cu: exercises smaller cooperative-groups tiles (tiled_partition<16>,
// <8>, <4>), tile.shfl, tile.shfl_xor, tile.any/all/ballot, and a dynamic
// tiled_partition(block, 32) thread_group with sync().
// launch: segmentedSums --grid 2 --block 128 i32[256]=iota i32[256]=zeros
// launch: tileVotes --grid 1 --block 64 f32[64]=rand:111 u32[17]=zeros
// launch: broadcastLeader --grid 2 --block 64 f32[128]=iota f32[128]=zeros
#include <cuda_runtime.h>
#include <cooperative_groups.h>

namespace cg = cooperative_groups;

// Every element is replaced by the sum of its aligned group of 16.
__global__ void segmentedSums(const int* in, int* out)
{
    cg::thread_block block = cg::this_thread_block();
    cg::thread_block_tile<16> tile16 = cg::tiled_partition<16>(block);
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    int v = in[i];
    for (int mask = tile16.size() / 2; mask > 0; mask >>= 1)
        v += tile16.shfl_xor(v, mask);
    out[i] = v;
}

// Per tile of 4: any/all over (x > 0.5), and a ballot per 32-lane tile.
__global__ void tileVotes(const float* x, unsigned int* flags)
{
    auto block = cg::this_thread_block();
    auto quad = cg::tiled_partition<4>(block);
    auto warp = cg::tiled_partition<32>(block);
    int i = block.thread_rank();
    bool big = x[i] > 0.5f;
    int anyBig = quad.any(big);
    int allBig = quad.all(big);
    unsigned int ballot = warp.ballot(big);
    if (quad.thread_rank() == 0)
        flags[i / 4] = (unsigned int)anyBig | ((unsigned int)allBig << 1);
    if (warp.thread_rank() == 0 && i == 0) flags[16] = ballot;
}

__global__ void broadcastLeader(const float* in, float* out)
{
    cg::thread_block block = cg::this_thread_block();
    cg::thread_group g = cg::tiled_partition(block, 32);
    cg::thread_block_tile<8> oct = cg::tiled_partition<8>(block);
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    float leader = oct.shfl(in[i], 0);
    g.sync();
    out[i] = leader + (float)g.thread_rank();
}
