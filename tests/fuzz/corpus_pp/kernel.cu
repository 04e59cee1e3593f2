__global__ void k(float *a) { a[threadIdx.x] = 1.5f * 0x1p3 + 1e-3; }
