// expect: 5:12: error: double needs the Vulkan device feature shaderFloat64, which this device lacks
// lacks: int64,float64
// A device without shaderFloat64: the first double names the line.
__global__ void accumulate(const float *x, float *out, int n) {
    double s = 0.0;
    for (int i = 0; i < n; i++) s += x[i];
    *out = (float)s;
}
