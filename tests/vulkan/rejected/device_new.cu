// expect: 4:16: error: the Vulkan target does not support the device heap ('new' or malloc)
__global__ void scratch(int *out, int n) {
    int i = threadIdx.x;
    int *tmp = new int[n];
    for (int k = 0; k < n; k++) tmp[k] = i + k;
    out[i] = tmp[n - 1];
    delete[] tmp;
}
