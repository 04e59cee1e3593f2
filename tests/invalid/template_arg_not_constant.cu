// expect: 10:23: template argument for non-type template parameter must be a constant expression
// A runtime value used as the size argument of a fixed-size array template.
template <typename T, int N>
struct LocalArray {
    T v[N];
};

__global__ void window(const float* x, float* out, int n)
{
    LocalArray<float, n> buf;
    buf.v[0] = x[threadIdx.x];
    out[threadIdx.x] = buf.v[0];
}
