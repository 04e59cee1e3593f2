// expect: 10:12: call to 'min' is ambiguous with argument types ('unsigned long', 'unsigned long long')
// CUDA's min overloads include (unsigned long, unsigned long) and
// (unsigned long long, unsigned long long), and each converts one of
// these arguments: nvcc reports the call as ambiguous.  With both
// arguments unsigned long long, min(ull, ull) is an exact match.
__global__ void k(unsigned long long *out, unsigned long a, unsigned long long b,
                  unsigned c)
{
  out[0] = min(b, (unsigned long long)c);
  out[1] = min(a, b);
}
