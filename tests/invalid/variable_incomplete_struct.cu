// expect: 5:39: variable has incomplete type 'Node'
// A local variable of a class only declared: no layout to give it.
struct Node;

__global__ void make(int *out) { Node n; *out = 0; }
