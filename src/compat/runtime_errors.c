/*
 * runtime_errors.c — CUDA's error model: names and strings, the last
 * error, sticky errors.
 *
 * Every API function ends in compat_ret(err), which stores err as the
 * calling thread's last error (cudaGetLastError reads and resets it,
 * cudaPeekAtLastError only reads it).  Errors raised while a kernel runs
 * (illegal address, device assert, trap, hardware faults) corrupt a real
 * CUDA context; they are sticky here too: once seen, every later call
 * that uses the context (synchronising, allocating, copying, launching)
 * returns them again, until cudaDeviceReset.  As on a GPU (checked with
 * nvcc on an H200), cudaGetLastError reports a sticky error like any other
 * and clears it from the last-error slot: a second call returns
 * cudaSuccess while the context stays broken, and the next failing call
 * puts the error back.  The strings are the ones CUDA prints, so logs read
 * the same as under nvcc.
 */
#include "compat/compat.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define CW_ERRORS(X)                                                                   \
  X(cudaSuccess, "no error")                                                           \
  X(cudaErrorInvalidValue, "invalid argument")                                         \
  X(cudaErrorMemoryAllocation, "out of memory")                                        \
  X(cudaErrorInitializationError, "initialization error")                              \
  X(cudaErrorCudartUnloading, "driver shutting down")                                  \
  X(cudaErrorProfilerDisabled, "profiler disabled while using external profiling tool") \
  X(cudaErrorProfilerNotInitialized, "profiler not initialized: call cudaProfilerInitialize()") \
  X(cudaErrorProfilerAlreadyStarted, "profiler already started")                       \
  X(cudaErrorProfilerAlreadyStopped, "profiler already stopped")                       \
  X(cudaErrorInvalidConfiguration, "invalid configuration argument")                   \
  X(cudaErrorInvalidPitchValue, "invalid pitch argument")                              \
  X(cudaErrorInvalidSymbol, "invalid device symbol")                                   \
  X(cudaErrorInvalidHostPointer, "invalid host pointer")                               \
  X(cudaErrorInvalidDevicePointer, "invalid device pointer")                           \
  X(cudaErrorInvalidTexture, "invalid texture reference")                              \
  X(cudaErrorInvalidTextureBinding, "texture is not bound to a pointer")               \
  X(cudaErrorInvalidChannelDescriptor, "invalid channel descriptor")                   \
  X(cudaErrorInvalidMemcpyDirection, "invalid copy direction for memcpy")              \
  X(cudaErrorAddressOfConstant, "invalid address of constant")                         \
  X(cudaErrorTextureFetchFailed, "fetch from texture failed")                          \
  X(cudaErrorTextureNotBound, "cannot fetch from a texture that is not bound")         \
  X(cudaErrorSynchronizationError, "incorrect use of __syncthreads()")                 \
  X(cudaErrorInvalidFilterSetting, "linear filtering not supported for non-float type") \
  X(cudaErrorInvalidNormSetting, "read as normalized float not supported for 32-bit non float type") \
  X(cudaErrorMixedDeviceExecution, "device emulation mode and device execution mode cannot be mixed") \
  X(cudaErrorNotYetImplemented, "feature not yet implemented")                         \
  X(cudaErrorMemoryValueTooLarge, "memory size or pointer value too large to fit in 32 bit") \
  X(cudaErrorStubLibrary, "CUDA driver is a stub library")                             \
  X(cudaErrorInsufficientDriver, "CUDA driver version is insufficient for CUDA runtime version") \
  X(cudaErrorCallRequiresNewerDriver, "API call is not supported in the installed CUDA driver") \
  X(cudaErrorInvalidSurface, "invalid surface reference")                              \
  X(cudaErrorDuplicateVariableName, "duplicate global variable looked up by string name") \
  X(cudaErrorDuplicateTextureName, "duplicate texture looked up by string name")       \
  X(cudaErrorDuplicateSurfaceName, "duplicate surface looked up by string name")       \
  X(cudaErrorDevicesUnavailable, "CUDA-capable device(s) is/are busy or unavailable")  \
  X(cudaErrorIncompatibleDriverContext, "incompatible driver context")                 \
  X(cudaErrorMissingConfiguration, "__global__ function call is not configured")       \
  X(cudaErrorPriorLaunchFailure, "unspecified launch failure in prior launch")         \
  X(cudaErrorLaunchMaxDepthExceeded, "launch would exceed maximum depth of nested launches") \
  X(cudaErrorLaunchFileScopedTex, "launch failed because kernel uses unsupported, file-scoped textures (texture objects are supported)") \
  X(cudaErrorLaunchFileScopedSurf, "launch failed because kernel uses unsupported, file-scoped surfaces (surface objects are supported)") \
  X(cudaErrorSyncDepthExceeded, "cudaDeviceSynchronize failed because caller's grid depth exceeds cudaLimitDevRuntimeSyncDepth") \
  X(cudaErrorLaunchPendingCountExceeded, "launch failed because launch would exceed cudaLimitDevRuntimePendingLaunchCount") \
  X(cudaErrorInvalidDeviceFunction, "invalid device function")                         \
  X(cudaErrorNoDevice, "no CUDA-capable device is detected")                           \
  X(cudaErrorInvalidDevice, "invalid device ordinal")                                  \
  X(cudaErrorDeviceNotLicensed, "device doesn't have valid Grid license")              \
  X(cudaErrorSoftwareValidityNotEstablished, "integrity checks failed")                \
  X(cudaErrorStartupFailure, "startup failure in cuda runtime")                        \
  X(cudaErrorInvalidKernelImage, "device kernel image is invalid")                     \
  X(cudaErrorDeviceUninitialized, "invalid device context")                            \
  X(cudaErrorMapBufferObjectFailed, "mapping of buffer object failed")                 \
  X(cudaErrorUnmapBufferObjectFailed, "unmapping of buffer object failed")             \
  X(cudaErrorArrayIsMapped, "array is mapped")                                         \
  X(cudaErrorAlreadyMapped, "resource already mapped")                                 \
  X(cudaErrorNoKernelImageForDevice, "no kernel image is available for execution on the device") \
  X(cudaErrorAlreadyAcquired, "resource already acquired")                             \
  X(cudaErrorNotMapped, "resource not mapped")                                         \
  X(cudaErrorNotMappedAsArray, "resource not mapped as array")                         \
  X(cudaErrorNotMappedAsPointer, "resource not mapped as pointer")                     \
  X(cudaErrorECCUncorrectable, "uncorrectable ECC error encountered")                  \
  X(cudaErrorUnsupportedLimit, "limit is not supported on this architecture")          \
  X(cudaErrorDeviceAlreadyInUse, "exclusive-thread device already in use by a different thread") \
  X(cudaErrorPeerAccessUnsupported, "peer access is not supported between these two devices") \
  X(cudaErrorInvalidPtx, "a PTX JIT compilation failed")                               \
  X(cudaErrorInvalidGraphicsContext, "invalid OpenGL or DirectX context")              \
  X(cudaErrorNvlinkUncorrectable, "uncorrectable NVLink error detected during the execution") \
  X(cudaErrorJitCompilerNotFound, "PTX JIT compiler library not found")                \
  X(cudaErrorUnsupportedPtxVersion, "the provided PTX was compiled with an unsupported toolchain.") \
  X(cudaErrorJitCompilationDisabled, "PTX JIT compilation was disabled")               \
  X(cudaErrorUnsupportedExecAffinity, "the provided execution affinity is not supported by the device") \
  X(cudaErrorUnsupportedDevSideSync, "the provided module contains device side synchronization which is not supported") \
  X(cudaErrorInvalidSource, "device kernel image is invalid")                          \
  X(cudaErrorFileNotFound, "file not found")                                           \
  X(cudaErrorSharedObjectSymbolNotFound, "shared object symbol not found")             \
  X(cudaErrorSharedObjectInitFailed, "shared object initialization failed")            \
  X(cudaErrorOperatingSystem, "OS call failed or operation not supported on this OS")  \
  X(cudaErrorInvalidResourceHandle, "invalid resource handle")                         \
  X(cudaErrorIllegalState, "the operation cannot be performed in the present state")   \
  X(cudaErrorLossyQuery, "attempted introspection would be semantically lossy")        \
  X(cudaErrorSymbolNotFound, "named symbol not found")                                 \
  X(cudaErrorNotReady, "device not ready")                                             \
  X(cudaErrorIllegalAddress, "an illegal memory access was encountered")               \
  X(cudaErrorLaunchOutOfResources, "too many resources requested for launch")          \
  X(cudaErrorLaunchTimeout, "the launch timed out and was terminated")                 \
  X(cudaErrorLaunchIncompatibleTexturing, "launch uses incompatible texturing mode")   \
  X(cudaErrorPeerAccessAlreadyEnabled, "peer access is already enabled")               \
  X(cudaErrorPeerAccessNotEnabled, "peer access has not been enabled")                 \
  X(cudaErrorSetOnActiveProcess, "cannot set while device is active in this process")  \
  X(cudaErrorContextIsDestroyed, "context is destroyed")                               \
  X(cudaErrorAssert, "device-side assert triggered")                                   \
  X(cudaErrorTooManyPeers, "peer mapping resources exhausted")                         \
  X(cudaErrorHostMemoryAlreadyRegistered, "part or all of the requested memory range is already mapped") \
  X(cudaErrorHostMemoryNotRegistered, "pointer does not correspond to a registered memory region") \
  X(cudaErrorHardwareStackError, "hardware stack error")                               \
  X(cudaErrorIllegalInstruction, "an illegal instruction was encountered")             \
  X(cudaErrorMisalignedAddress, "misaligned address")                                  \
  X(cudaErrorInvalidAddressSpace, "operation not supported on global/shared address space") \
  X(cudaErrorInvalidPc, "invalid program counter")                                     \
  X(cudaErrorLaunchFailure, "unspecified launch failure")                              \
  X(cudaErrorCooperativeLaunchTooLarge, "too many blocks in cooperative launch")       \
  X(cudaErrorNotPermitted, "operation not permitted")                                  \
  X(cudaErrorNotSupported, "operation not supported")                                  \
  X(cudaErrorSystemNotReady, "system not yet initialized")                             \
  X(cudaErrorSystemDriverMismatch, "system has unsupported display driver / cuda driver combination") \
  X(cudaErrorCompatNotSupportedOnDevice, "forward compatibility was attempted on non supported HW") \
  X(cudaErrorMpsConnectionFailed, "MPS client failed to connect to the MPS control daemon or the MPS server") \
  X(cudaErrorMpsRpcFailure, "the remote procedural call between the MPS server and the MPS client failed") \
  X(cudaErrorMpsServerNotReady, "MPS server is not ready to accept new MPS client requests") \
  X(cudaErrorMpsMaxClientsReached, "the hardware resources required to create MPS client have been exhausted") \
  X(cudaErrorMpsMaxConnectionsReached, "the hardware resources required to support device connections have been exhausted") \
  X(cudaErrorMpsClientTerminated, "the MPS client has been terminated by the server") \
  X(cudaErrorCdpNotSupported, "the module is using CUDA Dynamic Parallelism, but the current configuration does not support it") \
  X(cudaErrorCdpVersionMismatch, "the module is using CUDA Dynamic Parallelism version that is not supported") \
  X(cudaErrorStreamCaptureUnsupported, "operation not permitted when stream is capturing") \
  X(cudaErrorStreamCaptureInvalidated, "operation failed due to a previous error during capture") \
  X(cudaErrorStreamCaptureMerge, "operation would result in a merge of separate capture sequences") \
  X(cudaErrorStreamCaptureUnmatched, "capture was not ended in the same stream as it began") \
  X(cudaErrorStreamCaptureUnjoined, "capturing stream has unjoined work")             \
  X(cudaErrorStreamCaptureIsolation, "dependency created on uncaptured work in another stream") \
  X(cudaErrorStreamCaptureImplicit, "operation would make the legacy stream depend on a capturing blocking stream") \
  X(cudaErrorCapturedEvent, "operation not permitted on an event last recorded in a capturing stream") \
  X(cudaErrorStreamCaptureWrongThread, "attempt to terminate a thread-local capture sequence from another thread") \
  X(cudaErrorTimeout, "wait operation timed out")                                      \
  X(cudaErrorGraphExecUpdateFailure, "the graph update was not performed because it included changes which violated constraints specific to instantiated graph update") \
  X(cudaErrorExternalDevice, "an async error has occured in external entity outside of CUDA") \
  X(cudaErrorInvalidClusterSize, "a kernel launch error has occurred due to cluster misconfiguration") \
  X(cudaErrorFunctionNotLoaded, "the function handle is not loaded when calling an API that requires a loaded function") \
  X(cudaErrorInvalidResourceType, "one or more resources passed in are not valid resource types for the operation") \
  X(cudaErrorInvalidResourceConfiguration, "one or more resources are insufficient or non-applicable for the operation") \
  X(cudaErrorUnknown, "unknown error")

typedef struct ErrInfo {
  cudaError_t code;
  const char *name, *text;
} ErrInfo;

#define CW_ERR_ROW(c, s) {c, #c, s},
static const ErrInfo err_table[] = {CW_ERRORS(CW_ERR_ROW)};

static const ErrInfo *err_info(cudaError_t e) {
  for (size_t i = 0; i < sizeof err_table / sizeof *err_table; i++)
    if (err_table[i].code == e) return &err_table[i];
  return NULL;
}

const char *cudaGetErrorString(cudaError_t e) {
  const ErrInfo *i = err_info(e);
  return i ? i->text : "unrecognized error code";
}

const char *cudaGetErrorName(cudaError_t e) {
  const ErrInfo *i = err_info(e);
  return i ? i->name : "unrecognized error code";
}

/* ---- last and sticky errors ------------------------------------------- */

static _Thread_local cudaError_t last_error = cudaSuccess;

cudaError_t compat_swap_last_error(cudaError_t err) {
  cudaError_t old = last_error;
  last_error = err;
  return old;
}

static bool is_sticky(cudaError_t e) {
  switch (e) {
  case cudaErrorIllegalAddress: case cudaErrorLaunchTimeout: case cudaErrorAssert:
  case cudaErrorHardwareStackError: case cudaErrorIllegalInstruction:
  case cudaErrorMisalignedAddress: case cudaErrorInvalidAddressSpace:
  case cudaErrorInvalidPc: case cudaErrorLaunchFailure:
    return true;
  default:
    return false;
  }
}

cudaError_t compat_sticky(void) {
  CompatState *g = compat_state();
  pthread_mutex_lock(&g->mu);
  cudaError_t e = g->sticky;
  pthread_mutex_unlock(&g->mu);
  return e;
}

cudaError_t compat_ret(cudaError_t err) {
  if (err == cudaSuccess) return err;
  if (is_sticky(err)) {
    CompatState *g = compat_state();
    pthread_mutex_lock(&g->mu);
    bool first = g->sticky == cudaSuccess;
    if (first) g->sticky = err;
    /* A GPU says nothing more than the code; a CPU fault can say which
     * kernel, block and allocation, and programs that only print the code
     * would lose that.  Said once, when the error becomes sticky (device
     * asserts print their own message). */
    if (first && err != cudaErrorAssert && strstr(g->msg, "kernel '"))
      fprintf(stderr, "%s\n", g->msg);
    pthread_mutex_unlock(&g->mu);
  }
  last_error = err;
  return err;
}

cudaError_t cudaGetLastError(void) {
  cudaError_t e = last_error;
  last_error = cudaSuccess;
  return e;
}

cudaError_t cudaPeekAtLastError(void) { return last_error; }

/* Runtime messages carry CUDA's name in parentheses, "(cudaErrorAssert)". */
cudaError_t compat_from_status(cw_status st, const char *msg) {
  if (msg) {
    const char *p = strstr(msg, "(cudaError");
    if (p) {
      for (size_t i = 0; i < sizeof err_table / sizeof *err_table; i++) {
        size_t n = strlen(err_table[i].name);
        if (!strncmp(p + 1, err_table[i].name, n) && p[1 + n] == ')') return err_table[i].code;
      }
    }
  }
  switch (st) {
  case CW_OK: return cudaSuccess;
  case CW_ERR_NOMEM: return cudaErrorMemoryAllocation;
  case CW_ERR_INVALID: return cudaErrorInvalidValue;
  case CW_ERR_NOT_FOUND: return cudaErrorInvalidDeviceFunction;
  case CW_ERR_COMPILE: return cudaErrorInvalidKernelImage;
  case CW_ERR_UNAVAILABLE: return cudaErrorNoDevice;
  case CW_ERR_UNSUPPORTED: return cudaErrorNotSupported;
  case CW_ERR_LAUNCH: return cudaErrorLaunchFailure;
  default: return cudaErrorUnknown;
  }
}

void compat_set_message(const char *fmt, ...) {
  CompatState *g = compat_state();
  va_list ap;
  va_start(ap, fmt);
  pthread_mutex_lock(&g->mu);
  vsnprintf(g->msg, sizeof g->msg, fmt, ap);
  pthread_mutex_unlock(&g->mu);
  va_end(ap);
}

const char *__cuwasm_message(void) { return compat_state()->msg; }

void __cuwasm_set_reporter(void (*print)(const char *)) {
  CompatState *g = compat_state();
  pthread_mutex_lock(&g->mu);
  g->reporter = print;
  pthread_mutex_unlock(&g->mu);
}
