// expect: 8:18: invalid range expression of type 'int'
// A range-based for needs an array of known size or a class with
// begin()/end().
__global__ void sum(const int *in, int *out, int n)
{
    int s = 0;
    int count = n;
    for (int x : count) s += x;
    out[0] = s + in[0];
}
