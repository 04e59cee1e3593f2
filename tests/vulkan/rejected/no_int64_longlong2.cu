// expect: 5:15: error: a vector of 64-bit integers (longlong2 ...) needs the Vulkan device feature shaderInt64, which this device lacks
// lacks: int64
// Scalars of 64 bits are word pairs on such a device; vectors of them are not.
__global__ void pairs(longlong2 *v) {
    longlong2 t = v[threadIdx.x];
    v[threadIdx.x] = make_longlong2(t.y, t.x);
}
