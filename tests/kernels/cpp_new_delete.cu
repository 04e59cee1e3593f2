// cpp_new_delete.cu: exercises the device heap: malloc/free, `new T(args)`
// with a constructor that itself allocates with `new T[n]`, `new T{}`
// with default member initializers, a scalar `new int(v)`, placement new
// into a __shared__ buffer, and delete / delete[].
// launch: heapKernel --grid 2 --block 32 i32[64]=iota i32[64]=zeros
#include <new>
struct Buffer {
    int n;
    int *data;
    __device__ Buffer(int count, int first) : n(count) {
        data = new int[count];
        for (int i = 0; i < count; i++) data[i] = first + i;
    }
    __device__ ~Buffer() { ; }
};

struct Pair {
    int a = 4;
    int b;
};

__global__ void heapKernel(const int *in, int *out)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    Buffer *buf = new Buffer(5, in[i]);
    __shared__ unsigned long long arena[32];
    Pair *pair = new (&arena[threadIdx.x]) Pair{};
    int *one = new int(7);
    int *raw = (int *)malloc(2 * sizeof(int));
    raw[0] = 1;
    raw[1] = 2;
    out[i] = buf->data[3] * 1000 + buf->n * 100 + *one * 10 + pair->a + pair->b + raw[0] + raw[1];
    free(raw);
    delete one;
    delete[] buf->data;
    delete buf;
}

// CHECK: racecheck (memcheck does not know the device heap yet: malloc/new in kernels
// is reported as outside every allocation; docs/sanitizer.md)
