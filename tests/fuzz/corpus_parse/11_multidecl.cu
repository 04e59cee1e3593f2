struct P { int x, y; };
__device__ int tbl[2][3] = {{1, 2, 3}, {4, 5, 6}};
__global__ void k(int *o) {
  int a = 1, *p = o, arr[4] = {[2] = 7};
  P pt = {.x = 1, .y = 2};
  unsigned char c = 255; c += 1;
  o[0] = a + *p + arr[2] + pt.y + tbl[1][2] + c + (a, 3);
}
