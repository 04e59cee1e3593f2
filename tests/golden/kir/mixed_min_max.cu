// mixed_min_max.cu: the mixed overloads of CUDA's math_functions.hpp
// (fmax(double, float), max(float, double), min(int, unsigned)) compute in
// their result type, so KIR converts the narrower operand explicitly
// (cvt.f64, cvt.u32) and every backend sees one operation type.
__global__ void mixedMinMax(double* d, const float* f, const int* i, unsigned* u)
{
    int t = threadIdx.x;
    d[4 * t + 0] = fmax(d[4 * t + 1], f[t]);
    d[4 * t + 1] = max(f[t], d[4 * t + 2]);
    d[4 * t + 2] = fmin(f[t], d[4 * t + 3]);
    u[t] = max(i[t], u[t]) + min(u[t], i[t]);
}
