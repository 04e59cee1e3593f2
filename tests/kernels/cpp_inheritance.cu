// cpp_inheritance.cu: exercises class inheritance in device code without
// virtual functions: single and multiple bases, members and member
// functions of a base used from the derived class (unqualified and through
// this->), a class template deriving from a class template (the Rodinia
// DWT I/O helpers' shape), base constructors in a constructor's
// initializer list, and a derived object passed where a base reference or
// pointer is expected.
// launch: inheritKernel --grid 2 --block 64 i32[128]=iota i32[128]=zeros i32[128]=zeros
struct Shape {
    int id;
    __device__ Shape(int i) : id(i) {}
    __device__ int twice() const { return 2 * id; }
};

struct Weighted {
    int weight = 3;
};

struct Square : public Shape, Weighted {
    int side;
    __device__ Square(int i, int s) : Shape(i), side(s) {}
    __device__ int area() const { return side * side + twice() + weight; }
};

template <typename T, bool CHECKED>
class PixelIO {
protected:
    int end;
    int stride;
    __device__ int initialize(int sizeX, int firstX) {
        end = CHECKED ? sizeX + firstX : 0;
        stride = sizeX;
        return firstX;
    }
};

template <typename T, bool CHECKED>
class PixelWriter : PixelIO<T, CHECKED> {
    int next;
public:
    __device__ void init(int sizeX, int firstX) {
        next = this->initialize(sizeX, firstX);
        this->end += 1;
    }
    __device__ T value() const { return (T)(next * 100 + this->end * 10 + this->stride); }
};

__device__ int idOf(const Shape &s) { return s.id; }
__device__ int twiceOf(const Shape *s) { return s->twice(); }

__global__ void inheritKernel(const int *in, int *out, int *io)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    Square sq(in[i], 2);
    PixelWriter<int, true> w;
    w.init(4, i % 5);
    out[i] = sq.area() * 1000 + idOf(sq) + twiceOf(&sq) * 1000000;
    io[i] = w.value();
}
