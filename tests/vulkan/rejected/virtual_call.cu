// expect: 12:23: error: the Vulkan target does not support a virtual function call
// Objects made elsewhere (a kernel with `new`) reached through base pointers.
struct Shape {
    __device__ virtual float area() const = 0;
};
struct Square : Shape {
    float s;
    __device__ float area() const override { return s * s; }
};
__global__ void areas(Shape *const *objs, float *out) {
    int i = threadIdx.x;
    out[i] = objs[i]->area();
}
