/*
 * ocl.c — opens OpenCL through dlopen (libOpenCL.so.1, the ICD loader)
 * and sets up one context, in-order queue and program on the first CPU
 * device, preferring a platform whose name says "Portable Computing
 * Language" (PoCL).
 */
#include "ocl.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int load(Ocl *o, char *reason, size_t rn) {
  o->lib = dlopen("libOpenCL.so.1", RTLD_NOW | RTLD_LOCAL);
  if (!o->lib) o->lib = dlopen("libOpenCL.so", RTLD_NOW | RTLD_LOCAL);
  if (!o->lib) {
    snprintf(reason, rn, "libOpenCL.so.1 not found (apt-get install pocl-opencl-icd ocl-icd-opencl-dev)");
    return -1;
  }
#define OCL_LOAD(ret, name, params)                                   \
  *(void **)&o->name = dlsym(o->lib, #name);                          \
  if (!o->name) {                                                     \
    snprintf(reason, rn, "libOpenCL.so.1 lacks %s", #name);           \
    return -1;                                                        \
  }
  OCL_FUNCS(OCL_LOAD)
#undef OCL_LOAD
  return 0;
}

static int pick_device(Ocl *o, char *reason, size_t rn) {
  cl_platform_id plats[16];
  cl_uint np = 0;
  if (o->clGetPlatformIDs(16, plats, &np) != 0 || np == 0) {
    snprintf(reason, rn, "no OpenCL platform (is pocl-opencl-icd installed?)");
    return -1;
  }
  int found = 0;
  for (int pass = 0; pass < 2 && !found; pass++)
    for (cl_uint i = 0; i < np && !found; i++) {
      char name[256] = "";
      o->clGetPlatformInfo(plats[i], CL_PLATFORM_NAME, sizeof name, name, NULL);
      if (pass == 0 && !strstr(name, "Portable Computing Language")) continue;
      cl_uint nd = 0;
      if (o->clGetDeviceIDs(plats[i], CL_DEVICE_TYPE_CPU, 1, &o->dev, &nd) == 0 && nd) found = 1;
    }
  if (!found) {
    snprintf(reason, rn, "no OpenCL CPU device");
    return -1;
  }
  o->clGetDeviceInfo(o->dev, CL_DEVICE_NAME, sizeof o->device_name, o->device_name, NULL);
  return 0;
}

int ocl_open(Ocl *o, const char *source, char *reason, size_t rn) {
  memset(o, 0, sizeof *o);
  if (load(o, reason, rn) || pick_device(o, reason, rn)) return -1;
  cl_int err = 0;
  o->ctx = o->clCreateContext(NULL, 1, &o->dev, NULL, NULL, &err);
  if (!o->ctx) { snprintf(reason, rn, "clCreateContext: %d", err); return -1; }
  o->q = o->clCreateCommandQueue(o->ctx, o->dev, 0, &err);
  if (!o->q) { snprintf(reason, rn, "clCreateCommandQueue: %d", err); return -1; }
  o->prog = o->clCreateProgramWithSource(o->ctx, 1, &source, NULL, &err);
  if (!o->prog) { snprintf(reason, rn, "clCreateProgramWithSource: %d", err); return -1; }
  if ((err = o->clBuildProgram(o->prog, 1, &o->dev, "-cl-std=CL1.2", NULL, NULL)) != 0) {
    char log[2048] = "";
    o->clGetProgramBuildInfo(o->prog, o->dev, CL_PROGRAM_BUILD_LOG, sizeof log, log, NULL);
    snprintf(reason, rn, "clBuildProgram %d: %.300s", err, log);
    return -1;
  }
  return 0;
}

void ocl_close(Ocl *o) {
  if (o->prog) o->clReleaseProgram(o->prog);
  if (o->q) o->clReleaseCommandQueue(o->q);
  if (o->ctx) o->clReleaseContext(o->ctx);
  if (o->lib) dlclose(o->lib);
  memset(o, 0, sizeof *o);
}
