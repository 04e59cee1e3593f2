// expect: 8:11: redefinition of 'sum'
// Declaring the same local twice in one scope.
__global__ void rowSum(const float* m, float* out, int cols)
{
    float sum = 0.0f;
    for (int c = 0; c < cols; ++c)
        sum += m[blockIdx.x * cols + c];
    float sum = sum * 0.5f;
    out[blockIdx.x] = sum;
}
