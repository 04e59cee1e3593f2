// expect: 10:16: too many template arguments for 'Tile'
// A class template given more arguments than it has parameters.
template <typename T>
struct Tile {
    T data[16];
};

__global__ void k(float* out)
{
    __shared__ Tile<float, 16> tile;
    tile.data[threadIdx.x % 16] = 1.0f;
    out[threadIdx.x] = tile.data[0];
}
