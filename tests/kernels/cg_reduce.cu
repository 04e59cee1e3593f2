// cg_reduce.cu: exercises cooperative groups: this_thread_block(), block.sync(),
// tiled_partition<32>, tile.shfl_down, tile.thread_rank()/meta_group_rank(),
// cg::reduce with cg::plus and cg::greater, and thread_rank-based indexing.
// launch: cgReduceSum --grid 4 --block 256 f32[4096]=rand:101 f32[1]=zeros i32:4096
// launch: cgReduceBuiltin --grid 4 --block 128 f32[512]=rand:102 f32[4]=zeros f32[4]=zeros i32:512
#include <cuda_runtime.h>
#include <cooperative_groups.h>
#include <cooperative_groups/reduce.h>

namespace cg = cooperative_groups;

__device__ float tileSum(cg::thread_block_tile<32> tile, float v)
{
    for (int offset = tile.size() / 2; offset > 0; offset /= 2)
        v += tile.shfl_down(v, offset);
    return v;
}

__global__ void cgReduceSum(const float* in, float* out, int n)
{
    __shared__ float partial[32];
    cg::thread_block block = cg::this_thread_block();
    cg::thread_block_tile<32> tile = cg::tiled_partition<32>(block);

    float v = 0.0f;
    for (int i = blockIdx.x * block.size() + block.thread_rank(); i < n; i += gridDim.x * block.size())
        v += in[i];
    v = tileSum(tile, v);
    if (tile.thread_rank() == 0) partial[tile.meta_group_rank()] = v;
    block.sync();
    if (tile.meta_group_rank() == 0) {
        v = (tile.thread_rank() < tile.meta_group_size()) ? partial[tile.thread_rank()] : 0.0f;
        v = tileSum(tile, v);
        if (tile.thread_rank() == 0) atomicAdd(out, v);
    }
}

// sums[b] = block sum, maxes[b] = block max, both through cg::reduce.
__global__ void cgReduceBuiltin(const float* in, float* sums, float* maxes, int n)
{
    __shared__ float s[4];
    __shared__ float m[4];
    auto block = cg::this_thread_block();
    auto tile = cg::tiled_partition<32>(block);
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    float v = (i < n) ? in[i] : 0.0f;
    float warpSum = cg::reduce(tile, v, cg::plus<float>());
    float warpMax = cg::reduce(tile, v, cg::greater<float>());
    if (tile.thread_rank() == 0) {
        s[tile.meta_group_rank()] = warpSum;
        m[tile.meta_group_rank()] = warpMax;
    }
    block.sync();
    if (block.thread_rank() == 0) {
        float total = 0.0f, best = m[0];
        for (unsigned int w = 0; w < tile.meta_group_size(); ++w) {
            total += s[w];
            best = fmaxf(best, m[w]);
        }
        sums[blockIdx.x] = total;
        maxes[blockIdx.x] = best;
    }
}
