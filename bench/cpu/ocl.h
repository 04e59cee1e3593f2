/*
 * ocl.h — the slice of OpenCL 1.2 that bench_cpu uses, loaded with dlopen
 * from libOpenCL.so.1 at run time, so the benchmark builds on machines
 * without OpenCL headers or libraries and reports "pocl: unavailable
 * (reason)" there.  Types and constants are the ABI values from the
 * OpenCL specification.
 */
#ifndef BENCH_OCL_H
#define BENCH_OCL_H

#include <stddef.h>
#include <stdint.h>

typedef int32_t cl_int;
typedef uint32_t cl_uint;
typedef uint64_t cl_ulong;
typedef cl_ulong cl_bitfield;
typedef struct _cl_platform_id *cl_platform_id;
typedef struct _cl_device_id *cl_device_id;
typedef struct _cl_context *cl_context;
typedef struct _cl_command_queue *cl_command_queue;
typedef struct _cl_mem *cl_mem;
typedef struct _cl_program *cl_program;
typedef struct _cl_kernel *cl_kernel;
typedef struct _cl_event *cl_event;

#define CL_DEVICE_TYPE_CPU (1u << 1)
#define CL_DEVICE_TYPE_ALL 0xFFFFFFFFu
#define CL_DEVICE_NAME 0x102B
#define CL_PLATFORM_NAME 0x0902
#define CL_PROGRAM_BUILD_LOG 0x1183
#define CL_MEM_READ_WRITE (1u << 0)
#define CL_MEM_COPY_HOST_PTR (1u << 5)
#define CL_TRUE 1
#define CL_SUCCESS 0

/* X(return type, name, parameter list) for every entry point used. */
#define OCL_FUNCS(X)                                                                              \
  X(cl_int, clGetPlatformIDs, (cl_uint, cl_platform_id *, cl_uint *))                             \
  X(cl_int, clGetPlatformInfo, (cl_platform_id, cl_uint, size_t, void *, size_t *))               \
  X(cl_int, clGetDeviceIDs, (cl_platform_id, cl_bitfield, cl_uint, cl_device_id *, cl_uint *))    \
  X(cl_int, clGetDeviceInfo, (cl_device_id, cl_uint, size_t, void *, size_t *))                   \
  X(cl_context, clCreateContext,                                                                  \
    (const intptr_t *, cl_uint, const cl_device_id *, void *, void *, cl_int *))                  \
  X(cl_command_queue, clCreateCommandQueue, (cl_context, cl_device_id, cl_bitfield, cl_int *))    \
  X(cl_program, clCreateProgramWithSource,                                                        \
    (cl_context, cl_uint, const char **, const size_t *, cl_int *))                               \
  X(cl_int, clBuildProgram,                                                                       \
    (cl_program, cl_uint, const cl_device_id *, const char *, void *, void *))                    \
  X(cl_int, clGetProgramBuildInfo, (cl_program, cl_device_id, cl_uint, size_t, void *, size_t *)) \
  X(cl_kernel, clCreateKernel, (cl_program, const char *, cl_int *))                              \
  X(cl_mem, clCreateBuffer, (cl_context, cl_bitfield, size_t, void *, cl_int *))                  \
  X(cl_int, clSetKernelArg, (cl_kernel, cl_uint, size_t, const void *))                           \
  X(cl_int, clEnqueueNDRangeKernel,                                                               \
    (cl_command_queue, cl_kernel, cl_uint, const size_t *, const size_t *, const size_t *,       \
     cl_uint, const cl_event *, cl_event *))                                                      \
  X(cl_int, clEnqueueReadBuffer,                                                                  \
    (cl_command_queue, cl_mem, cl_uint, size_t, size_t, void *, cl_uint, const cl_event *,       \
     cl_event *))                                                                                 \
  X(cl_int, clEnqueueWriteBuffer,                                                                 \
    (cl_command_queue, cl_mem, cl_uint, size_t, size_t, const void *, cl_uint,                   \
     const cl_event *, cl_event *))                                                               \
  X(cl_int, clFinish, (cl_command_queue))                                                         \
  X(cl_int, clReleaseMemObject, (cl_mem))                                                         \
  X(cl_int, clReleaseKernel, (cl_kernel))                                                         \
  X(cl_int, clReleaseProgram, (cl_program))                                                       \
  X(cl_int, clReleaseCommandQueue, (cl_command_queue))                                            \
  X(cl_int, clReleaseContext, (cl_context))

typedef struct Ocl {
#define OCL_MEMBER(ret, name, params) ret(*name) params;
  OCL_FUNCS(OCL_MEMBER)
#undef OCL_MEMBER
  void *lib;
  cl_context ctx;
  cl_command_queue q;
  cl_device_id dev;
  cl_program prog;
  char device_name[128];
} Ocl;

/* Loads the library, picks a CPU device, builds the program source.  0 on
 * success; otherwise why (in reason) and the struct is unusable. */
int ocl_open(Ocl *o, const char *source, char *reason, size_t rn);
void ocl_close(Ocl *o);

#endif
