/*
 * cuda_load.c — finds libcuda.so.1 and NVRTC with dlopen and fills the
 * function tables of cuda_driver.h.  NVRTC is looked for on the library
 * path first, then in the toolkit ($CUDA_HOME, /usr/local/cuda), then in
 * the system's library directories, and loaded only when a compile needs
 * it (nvrtc_locate finds it without loading it).  The
 * versioned driver entry points (_v2) are preferred where they exist.
 */
#include <dlfcn.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cuda_driver.h"

static bool sym(void *lib, const char *name, const char *alt, void **out) {
  *out = alt ? dlsym(lib, alt) : NULL;
  if (!*out) *out = dlsym(lib, name);
  return *out != NULL;
}

#define LOAD(tab, fn, alt)                                                     \
  if (!sym((tab)->lib, #fn, alt, (void **)&(tab)->fn)) {                       \
    snprintf(why, whyn, "%s has no %s", libname, #fn);                         \
    dlclose((tab)->lib);                                                       \
    (tab)->lib = NULL;                                                         \
    return false;                                                              \
  }

bool cuda_driver_open(CudaDriver *d, char *why, size_t whyn) {
  const char *libname = "libcuda.so.1";
  memset(d, 0, sizeof *d);
  d->lib = dlopen(libname, RTLD_NOW | RTLD_LOCAL);
  if (!d->lib) {
    snprintf(why, whyn, "libcuda.so.1 not found (NVIDIA driver)");
    return false;
  }
  LOAD(d, cuInit, NULL);
  LOAD(d, cuDeviceGetCount, NULL);
  LOAD(d, cuDeviceGet, NULL);
  LOAD(d, cuDeviceGetName, NULL);
  LOAD(d, cuDeviceGetAttribute, NULL);
  LOAD(d, cuDeviceTotalMem, "cuDeviceTotalMem_v2");
  LOAD(d, cuDeviceGetUuid, "cuDeviceGetUuid_v2");
  LOAD(d, cuDevicePrimaryCtxRetain, NULL);
  LOAD(d, cuDevicePrimaryCtxRelease, "cuDevicePrimaryCtxRelease_v2");
  LOAD(d, cuCtxSetCurrent, NULL);
  LOAD(d, cuCtxSynchronize, NULL);
  LOAD(d, cuCtxSetLimit, NULL);
  LOAD(d, cuMemAlloc, "cuMemAlloc_v2");
  LOAD(d, cuMemFree, "cuMemFree_v2");
  LOAD(d, cuMemGetInfo, "cuMemGetInfo_v2");
  LOAD(d, cuMemAllocManaged, NULL);
  LOAD(d, cuMemAllocHost, "cuMemAllocHost_v2");
  LOAD(d, cuMemFreeHost, NULL);
  LOAD(d, cuMemHostRegister, "cuMemHostRegister_v2");
  LOAD(d, cuMemHostUnregister, NULL);
  LOAD(d, cuMemcpy, NULL);
  LOAD(d, cuMemcpyHtoD, "cuMemcpyHtoD_v2");
  LOAD(d, cuPointerGetAttribute, NULL);
  LOAD(d, cuMemsetD8, "cuMemsetD8_v2");
  LOAD(d, cuModuleLoadData, NULL);
  LOAD(d, cuModuleUnload, NULL);
  LOAD(d, cuModuleGetFunction, NULL);
  LOAD(d, cuModuleGetGlobal, "cuModuleGetGlobal_v2");
  LOAD(d, cuFuncGetAttribute, NULL);
  LOAD(d, cuFuncSetAttribute, NULL);
  LOAD(d, cuLaunchKernel, NULL);
  LOAD(d, cuLaunchCooperativeKernel, NULL);
  LOAD(d, cuOccupancyMaxActiveBlocksPerMultiprocessor, NULL);
  LOAD(d, cuStreamCreate, NULL);
  LOAD(d, cuStreamDestroy, "cuStreamDestroy_v2");
  LOAD(d, cuStreamSynchronize, NULL);
  LOAD(d, cuEventCreate, NULL);
  LOAD(d, cuEventDestroy, "cuEventDestroy_v2");
  LOAD(d, cuEventRecord, NULL);
  LOAD(d, cuStreamWaitEvent, NULL);
  LOAD(d, cuEventSynchronize, NULL);
  LOAD(d, cuEventElapsedTime, "cuEventElapsedTime_v2");
  LOAD(d, cuMemcpyAsync, NULL);
  LOAD(d, cuMemcpyHtoDAsync, "cuMemcpyHtoDAsync_v2");
  LOAD(d, cuMemsetD8Async, "cuMemsetD8Async");
  LOAD(d, cuGetErrorName, NULL);
  LOAD(d, cuGetErrorString, NULL);
  LOAD(d, cuTexObjectCreate, NULL);
  LOAD(d, cuTexObjectDestroy, NULL);
  LOAD(d, cuSurfObjectCreate, NULL);
  LOAD(d, cuSurfObjectDestroy, NULL);
  LOAD(d, cuArray3DCreate, "cuArray3DCreate_v2");
  LOAD(d, cuArrayDestroy, NULL);
  LOAD(d, cuMemcpy3D, "cuMemcpy3D_v2");
  LOAD(d, cuLinkCreate, "cuLinkCreate_v2");
  LOAD(d, cuLinkAddData, "cuLinkAddData_v2");
  LOAD(d, cuLinkAddFile, "cuLinkAddFile_v2");
  LOAD(d, cuLinkComplete, NULL);
  LOAD(d, cuLinkDestroy, NULL);
  return true;
}

/* Where NVRTC is, without loading it: the first of libnvrtc.so,
 * libnvrtc.so.13, libnvrtc.so.12 in the directories of LD_LIBRARY_PATH,
 * then the toolkit's lib64 ($CUDA_HOME, $CUDA_PATH, /usr/local/cuda), then
 * the system's library directories.  Loading NVRTC costs 7-16 ms of a
 * program's start-up, which a cached cubin does not need; its file
 * identity (path, size, time) then keys the cache instead of its version. */
bool nvrtc_locate(char *path, size_t n) {
  static const char *names[] = {"libnvrtc.so", "libnvrtc.so.13", "libnvrtc.so.12"};
  const char *lp = getenv("LD_LIBRARY_PATH");
  char dirs[4096] = "";
  if (lp) snprintf(dirs, sizeof dirs, "%s", lp);
  const char *homes[] = {getenv("CUDA_HOME"), getenv("CUDA_PATH"), "/usr/local/cuda"};
  for (size_t i = 0; i < sizeof homes / sizeof *homes; i++)
    if (homes[i] && *homes[i] && strlen(dirs) + strlen(homes[i]) + 8 < sizeof dirs)
      strcat(strcat(strcat(dirs, ":"), homes[i]), "/lib64");
  strncat(dirs, ":/usr/lib/x86_64-linux-gnu:/usr/lib/aarch64-linux-gnu:/usr/lib64:/usr/lib",
          sizeof dirs - strlen(dirs) - 1);
  for (char *save = NULL, *d = strtok_r(dirs, ":", &save); d; d = strtok_r(NULL, ":", &save))
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
      snprintf(path, n, "%s/%s", d, names[i]);
      if (access(path, R_OK) == 0) return true;
    }
  return false;
}

/* PATH from nvrtc_locate, or NULL: by name, as the dynamic linker finds it */
bool nvrtc_open(Nvrtc *n, const char *path, char *why, size_t whyn) {
  const char *libname = "libnvrtc.so";
  char found[1024];
  memset(n, 0, sizeof *n);
  if (!path && nvrtc_locate(found, sizeof found)) path = found;
  if (path) n->lib = dlopen(path, RTLD_LAZY | RTLD_LOCAL);
  if (!n->lib) n->lib = dlopen(libname, RTLD_LAZY | RTLD_LOCAL);
  if (!n->lib) {
    snprintf(why, whyn, "libnvrtc.so not found (CUDA toolkit; set CUDA_HOME)");
    return false;
  }
  LOAD(n, nvrtcGetErrorString, NULL);
  LOAD(n, nvrtcCreateProgram, NULL);
  LOAD(n, nvrtcDestroyProgram, NULL);
  LOAD(n, nvrtcAddNameExpression, NULL);
  LOAD(n, nvrtcCompileProgram, NULL);
  LOAD(n, nvrtcGetLoweredName, NULL);
  LOAD(n, nvrtcGetProgramLogSize, NULL);
  LOAD(n, nvrtcGetProgramLog, NULL);
  LOAD(n, nvrtcGetCUBINSize, NULL);
  LOAD(n, nvrtcGetCUBIN, NULL);
  LOAD(n, nvrtcGetPTXSize, NULL);
  LOAD(n, nvrtcGetPTX, NULL);
  LOAD(n, nvrtcVersion, NULL);
  (void)sym(n->lib, "nvrtcGetNumSupportedArchs", NULL, (void **)&n->nvrtcGetNumSupportedArchs);
  (void)sym(n->lib, "nvrtcGetSupportedArchs", NULL, (void **)&n->nvrtcGetSupportedArchs);
  return true;
}

/* driver results whose runtime error shares the number, by runtime name:
 * the runtime layer reads "(cudaErrorX)" to give the program CUDA's code */
static const char *runtime_name(CUresult r) {
  static const struct { CUresult r; const char *name; } map[] = {
      {1, "cudaErrorInvalidValue"},          {2, "cudaErrorMemoryAllocation"},
      {700, "cudaErrorIllegalAddress"},      {701, "cudaErrorLaunchOutOfResources"},
      {702, "cudaErrorLaunchTimeout"},       {710, "cudaErrorAssert"},
      {714, "cudaErrorHardwareStackError"},  {715, "cudaErrorIllegalInstruction"},
      {716, "cudaErrorMisalignedAddress"},   {718, "cudaErrorInvalidPc"},
      {719, "cudaErrorLaunchFailure"},       {720, "cudaErrorCooperativeLaunchTooLarge"}};
  for (size_t i = 0; i < sizeof map / sizeof *map; i++)
    if (map[i].r == r) return map[i].name;
  return NULL;
}

void cuda_error_text(const CudaDriver *d, CUresult r, char *out, size_t n) {
  const char *name = NULL, *msg = NULL, *rt = runtime_name(r);
  if (d->cuGetErrorName) d->cuGetErrorName(r, &name);
  if (d->cuGetErrorString) d->cuGetErrorString(r, &msg);
  snprintf(out, n, "%s: %s%s%s%s", name ? name : "CUDA_ERROR", msg ? msg : "unknown error",
           rt ? " (" : "", rt ? rt : "", rt ? ")" : "");
}
