// expect: 3:20: '#' is not followed by a macro parameter
// # in a function-like macro must name a parameter.
#define NAME_OF(x) #y

__global__ void k(const char** out)
{
    out[0] = NAME_OF(k);
}
