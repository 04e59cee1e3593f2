struct Vec { float x, y; __host__ __device__ Vec operator+(const Vec &o) const { return {x + o.x, y + o.y}; } };
namespace ops { __global__ void add(Vec *v, int n) {} }
class Runner { public: void go(Vec *v) { ops::add<<<1, 1>>>(v, 1); } };
template <class T> struct Wrap { static void run(T *p) { (void)p; } };
extern "C" __global__ void cfun(int *p) { p[0] = 1; }
__managed__ int flag = 0;
int main() { Runner r; r.go(nullptr); int a = 1 << 3, b = a >> 1; return a < b; }
