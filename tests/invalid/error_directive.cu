// expect: 5:2: #error this kernel needs sm_80
// A user #error that fires.
#define TARGET_SM 70
#if TARGET_SM < 80
#error this kernel needs sm_80
#endif

__global__ void k(int* x) { x[0] = TARGET_SM; }
