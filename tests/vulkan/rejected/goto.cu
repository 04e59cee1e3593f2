// expect: 10:13: error: 'break' inside the range of a goto is not supported on the Vulkan target
// A goto's range becomes a do/while (false) in GLSL: a break of the loop
// around it would end that instead.
__global__ void k(const int* in, int* out)
{
    int s = 0;
    for (int i = 0; i < 8; i++) {
        if (in[i] < 0) goto skip;
        if (in[i] == 0)
            break;
        s += in[i];
    skip:
        s++;
    }
    out[0] = s;
}
