// expect: 11:12: expected a type as template argument
// A value passed where the template expects a type.
template <typename T>
struct Buffer {
    T* ptr;
    int size;
};

__global__ void k(float* x)
{
    Buffer<4> b;
    b.size = 4;
    x[0] = (float)b.size;
}
