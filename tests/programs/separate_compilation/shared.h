// Declarations shared by the three files of this program (nvcc -rdc=true):
// device functions and variables defined in one file, used in another.
#pragma once
extern __device__ int bias;                 // device_fns.cu
extern __device__ int lut[];                // tables.cu (unsized here)
extern __constant__ int coeffs[4];          // tables.cu
__device__ int transform(int x);            // device_fns.cu
__device__ float transform(float x);        // device_fns.cu: an overload
__device__ int offset_of(int i);            // tables.cu
namespace sc {
__device__ int twice(int x);                // tables.cu, in a namespace
}
void fill_coeffs(const int *host);          // tables.cu (host)
__global__ void apply(int *v, int n);       // main.cu
__global__ void apply(float *v, int n);     // main.cu: an overloaded kernel
void run_local_step(int *v, int n);         // tables.cu: its own local_step
