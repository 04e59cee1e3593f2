/*
 * device_props.c — cudaDeviceProp from a real device's own description.
 *
 * Backends that drive a CUDA device (cuda) answer CUDA's device attributes
 * themselves (the driver's cuDeviceGetAttribute), so the runtime must not
 * describe that device with the CPU backend's model (runtime_device.c):
 * programs choose code paths by compute capability and size grids by
 * multiProcessorCount.  This file is the one place that says which
 * attribute fills which field of cudaDeviceProp; the query is a callback,
 * so the mapping is tested without a GPU (tests/unit/test_device_props.c).
 */
#include "compat/compat.h"

#include <string.h>

static int ask(CompatAttrQuery query, void *user, enum cudaDeviceAttr a) {
  int v = 0;
  return query(user, a, &v) ? v : 0;
}

void compat_props_from_attributes(struct cudaDeviceProp *p, CompatAttrQuery query, void *user) {
#define A(attr) ask(query, user, cudaDevAttr##attr)
  p->sharedMemPerBlock = (size_t)A(MaxSharedMemoryPerBlock);
  p->regsPerBlock = A(MaxRegistersPerBlock);
  p->warpSize = A(WarpSize);
  p->memPitch = (size_t)A(MaxPitch);
  p->maxThreadsPerBlock = A(MaxThreadsPerBlock);
  p->maxThreadsDim[0] = A(MaxBlockDimX);
  p->maxThreadsDim[1] = A(MaxBlockDimY);
  p->maxThreadsDim[2] = A(MaxBlockDimZ);
  p->maxGridSize[0] = A(MaxGridDimX);
  p->maxGridSize[1] = A(MaxGridDimY);
  p->maxGridSize[2] = A(MaxGridDimZ);
  p->clockRate = A(ClockRate);
  p->totalConstMem = (size_t)A(TotalConstantMemory);
  p->major = A(ComputeCapabilityMajor);
  p->minor = A(ComputeCapabilityMinor);
  p->textureAlignment = (size_t)A(TextureAlignment);
  p->texturePitchAlignment = (size_t)A(TexturePitchAlignment);
  p->deviceOverlap = A(GpuOverlap);
  p->multiProcessorCount = A(MultiProcessorCount);
  p->kernelExecTimeoutEnabled = A(KernelExecTimeout);
  p->integrated = A(Integrated);
  p->canMapHostMemory = A(CanMapHostMemory);
  p->computeMode = A(ComputeMode);
  p->concurrentKernels = A(ConcurrentKernels);
  p->ECCEnabled = A(EccEnabled);
  p->pciBusID = A(PciBusId);
  p->pciDeviceID = A(PciDeviceId);
  p->pciDomainID = A(PciDomainId);
  p->tccDriver = A(TccDriver);
  p->asyncEngineCount = A(AsyncEngineCount);
  p->unifiedAddressing = A(UnifiedAddressing);
  p->memoryClockRate = A(MemoryClockRate);
  p->memoryBusWidth = A(GlobalMemoryBusWidth);
  p->l2CacheSize = A(L2CacheSize);
  p->persistingL2CacheMaxSize = A(MaxPersistingL2CacheSize);
  p->maxThreadsPerMultiProcessor = A(MaxThreadsPerMultiProcessor);
  p->streamPrioritiesSupported = A(StreamPrioritiesSupported);
  p->globalL1CacheSupported = A(GlobalL1CacheSupported);
  p->localL1CacheSupported = A(LocalL1CacheSupported);
  p->sharedMemPerMultiprocessor = (size_t)A(MaxSharedMemoryPerMultiprocessor);
  p->regsPerMultiprocessor = A(MaxRegistersPerMultiprocessor);
  p->managedMemory = A(ManagedMemory);
  p->isMultiGpuBoard = A(IsMultiGpuBoard);
  p->multiGpuBoardGroupID = A(MultiGpuBoardGroupID);
  p->pageableMemoryAccess = A(PageableMemoryAccess);
  p->concurrentManagedAccess = A(ConcurrentManagedAccess);
  p->computePreemptionSupported = A(ComputePreemptionSupported);
  p->cooperativeLaunch = A(CooperativeLaunch);
  p->sharedMemPerBlockOptin = (size_t)A(MaxSharedMemoryPerBlockOptin);
  p->maxBlocksPerMultiProcessor = A(MaxBlocksPerMultiprocessor);
  p->reservedSharedMemPerBlock = (size_t)A(ReservedSharedMemoryPerBlock);
#undef A
}
