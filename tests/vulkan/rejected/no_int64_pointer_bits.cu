// expect: 6:21: error: converting a pointer to this type needs 64-bit integers (Vulkan device feature shaderInt64, which this device lacks)
// lacks: int64
// Pointer arithmetic works on addresses held as pairs; a pointer as a 64-bit
// integer does not.
__global__ void aligned(const float *x, int *out) {
    out[0] = (int)(((unsigned long long)x) & 15);
}
