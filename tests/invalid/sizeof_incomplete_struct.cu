// expect: 6:51: invalid application of 'sizeof' to an incomplete type 'Node'
// A class only declared, never defined: device code has no size for it
// (it used to read as 0 bytes).
struct Node;

__global__ void count(Node *n, int *out) { *out = sizeof(Node); }
