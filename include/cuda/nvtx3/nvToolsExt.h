/*
 * nvtx3/nvToolsExt.h — NVTX version 3's spelling of nvToolsExt.h (cuwasm):
 * the same annotations, which need no library in NVTX 3.
 */
#include "../nvToolsExt.h"
