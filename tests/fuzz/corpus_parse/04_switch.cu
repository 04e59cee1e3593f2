enum class Op { Add, Mul, Neg = 5 };
__device__ int apply(Op op, int a, int b) {
  switch (op) {
  case Op::Add: return a + b;
  case Op::Mul: { int t = a * b; return t; }
  default: break;
  }
  int i = 0, acc = 0;
  do { acc += i, ++i; } while (i < b);
  if (a < 0) goto done;
  acc = a > b ? acc : -acc;
done:
  return acc;
}
__global__ void k(int *x) { x[0] = apply(Op::Mul, x[1], x[2]); }
