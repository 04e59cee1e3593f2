// expect: 10:56: no member named 'z' in 'Point'
// Accessing a field the struct does not have.
struct Point {
    float x, y;
};

__global__ void lengths(const Point* p, float* out)
{
    Point q = p[threadIdx.x];
    out[threadIdx.x] = sqrtf(q.x * q.x + q.y * q.y + q.z * q.z);
}
