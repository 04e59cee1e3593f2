// expect: 7:39: variable 'scale' cannot be implicitly captured in a lambda with no capture-default specified
// A lambda without [=] or [&] must name what it captures.
__global__ void scaleAll(float *data, float s)
{
    int i = threadIdx.x;
    float scale = s * 2.0f;
    auto f = [](float x) { return x * scale; };
    data[i] = f(data[i]);
}
