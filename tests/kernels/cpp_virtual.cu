// cpp_virtual.cu: C++ run-time polymorphism in device code: virtual calls
// through base pointers (a pure virtual function, an override of an
// override, a non-virtual member calling virtual ones, `Base::f()` naming
// the base's version), a virtual destructor with a body run by `delete`,
// objects made with `new` and with placement new in __shared__ memory; and
// pointers to device functions: a variable, a table in __device__ memory,
// a parameter, a reference parameter, `&f` and `(*fp)(x)`; arrays of
// objects with a constructor and a destructor (`new T[n]`, `delete[]`) and
// an explicit destructor call on an object made by placement new;
// multiple inheritance with two polymorphic bases (the second one's calls
// and `delete` go through a table that moves `this`), and a polymorphic
// base after a plain one.
// launch: shapesKernel --grid 2 --block 32 i32[64]=iota i32[64]=zeros i32[2]=zeros
// launch: fnptrKernel --grid 1 --block 64 f32[64]=iota f32[64]=zeros
// launch: arrayKernel --grid 2 --block 64 i32[128]=zeros i32[1]=zeros
// launch: interfacesKernel --grid 1 --block 32 i32[128]=zeros i32[1]=zeros
#include <new>

struct Shape {
    int scale;
    __device__ Shape(int s) : scale(s) {}
    __device__ virtual ~Shape() {}
    __device__ virtual int area() const = 0;
    __device__ virtual int sides() const { return 0; }
    __device__ int score() const { return area() * 100 + sides(); }
};

struct Square : Shape {
    int side;
    __device__ Square(int s, int a) : Shape(s), side(a) {}
    __device__ int area() const override { return scale * side * side; }
    __device__ int sides() const override { return 4; }
};

struct Triangle : public Shape {
    int b, h;
    __device__ Triangle(int base, int height) : Shape(1), b(base), h(height) {}
    __device__ int area() const { return b * h / 2; }
    __device__ int sides() const { return 3; }
};

// counts its destructions, so the test sees `delete` reach it through Shape*
struct CountedSquare : Square {
    int *count;
    __device__ CountedSquare(int a, int *c) : Square(2, a), count(c) {}
    __device__ ~CountedSquare() { atomicAdd(count, 1); }
    __device__ int sides() const { return Square::sides() + 10; }
};

__global__ void shapesKernel(const int *in, int *out, int *destroyed)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    int v = in[i];
    __shared__ unsigned long long arena[32][4];
    Shape *s;
    switch (i % 3) {
    case 0: s = new Square(1, v % 7); break;
    case 1: s = new (&arena[threadIdx.x][0]) Triangle(v % 5, 4); break;
    default: s = new CountedSquare(v % 3, &destroyed[blockIdx.x]); break;
    }
    out[i] = s->score();
    if (i % 3 != 1) delete s; // the placement object's memory is the block's
}

typedef float (*unary_t)(float);
__device__ float twice(float x) { return 2.0f * x; }
__device__ float square(float x) { return x * x; }
__device__ float negate(float x) { return -x; }
__device__ unary_t unary_table[3] = {twice, square, &negate};

__device__ float apply_n(unary_t f, float x, int n)
{
    for (int k = 0; k < n; k++) x = f(x);
    return x;
}

__device__ void add_to(float &acc, float v) { acc += v; }

__global__ void fnptrKernel(const float *in, float *out)
{
    int i = threadIdx.x;
    float x = in[i];
    unary_t pick = (i & 1) ? square : twice;
    void (*accumulate)(float &, float) = add_to;
    float acc = 0.0f;
    accumulate(acc, pick(x));
    accumulate(acc, unary_table[i % 3](x));
    accumulate(acc, apply_n(&twice, x, 2));
    accumulate(acc, (*unary_table[2])(1.0f));
    out[i] = acc;
}

// adds its value to *sum when destroyed
struct Cell {
    int value;
    int *sum;
    __device__ Cell() : value(5), sum(nullptr) {}
    __device__ ~Cell() { if (sum) atomicAdd(sum, value); }
};

__global__ void arrayKernel(int *out, int *sum)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    int n = threadIdx.x % 4 + 1;
    Cell *cells = new Cell[n];
    int total = 0;
    for (int k = 0; k < n; k++) {
        total += cells[k].value;
        cells[k].value = k + 1;
        cells[k].sum = sum;
    }
    delete[] cells; // adds 1 + 2 + ... + n
    __shared__ unsigned long long buf[64][2];
    Cell *c = new (&buf[threadIdx.x][0]) Cell();
    c->sum = sum;
    c->value = 100;
    c->~Cell(); // adds 100
    out[i] = total;
}

struct Named {
    int tag;
    __device__ virtual int name() const { return 1; }
    __device__ virtual ~Named() {}
};

struct Drawable {
    int layer_bias;
    __device__ virtual int draw() const = 0;
    __device__ virtual int layer() const { return 5 + layer_bias; }
    __device__ virtual ~Drawable() {}
};

struct Plain {
    int x;
};

struct Sprite : Named, Drawable {
    int *log;
    int id;
    __device__ Sprite(int i, int *l) : log(l), id(i) { tag = 1; layer_bias = 0; }
    __device__ int draw() const override { return 100 + id; }
    __device__ int name() const override { return 200 + id; }
    __device__ ~Sprite() { atomicAdd(log, id); }
};

// overrides a function of the second base through its first
struct BigSprite : Sprite {
    __device__ BigSprite(int i, int *l) : Sprite(i, l) {}
    __device__ int layer() const override { return 9 + id; }
};

// the polymorphic base after a plain one
struct Label : Plain, Drawable {
    __device__ Label(int v) { x = v; layer_bias = 1; }
    __device__ int draw() const override { return 300 + x; }
};

__global__ void interfacesKernel(int *out, int *log)
{
    int i = threadIdx.x;
    Sprite *s = (i & 1) ? new BigSprite(i, log) : new Sprite(i, log);
    Drawable *d = s;
    Named *n = s;
    Label label(i);
    Drawable *ld = &label;
    out[i * 4 + 0] = d->draw() + n->name();
    out[i * 4 + 1] = d->layer();
    out[i * 4 + 2] = ld->draw() + ld->layer();
    out[i * 4 + 3] = (int)((char *)d - (char *)s) * 1000 + (int)sizeof(Sprite);
    if (i & 2) delete d; // the whole object, from its second base
    else delete n;
}

// CHECK: racecheck (memcheck does not know the device heap yet: new in kernels
// is reported as outside every allocation; docs/sanitizer.md)
