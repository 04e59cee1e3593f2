// expect: 9:14: cannot initialize a variable of type
// A struct cannot be initialised from a plain int expression.
struct Pair {
    int first, second;
};

__global__ void makePairs(int* out)
{
    Pair p = threadIdx.x * 2;
    out[threadIdx.x] = p.first + p.second;
}
