/*
 * <cub/cub.cuh> — cuwasm's CUB subset, block level: BlockLoad, BlockStore,
 * BlockScan and the cub::Sum/Max/Min operators.  Device-wide algorithms
 * (cub::DeviceScan, DeviceRadixSort, ...) are not provided yet; a program
 * that names one gets the front end's "no member named" diagnostic.
 */
#ifndef CUWASM_CUB_CUH
#define CUWASM_CUB_CUH
#include "block/block_load.cuh"
#include "block/block_scan.cuh"
#include "block/block_store.cuh"
#endif
