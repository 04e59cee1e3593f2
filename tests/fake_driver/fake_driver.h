/*
 * fake_driver.h — what the parts of the fake driver (fake_memory.c,
 * fake_stream.c) ask of each other.
 */
#ifndef CW_FAKE_DRIVER_H
#define CW_FAKE_DRIVER_H

#include <stdbool.h>

#include "rt/cuda/cuda_driver.h"

/* inside an allocation of cuMemAlloc / cuMemAllocHost or cuMemAlloc only */
bool fake_is_pinned_or_device(const void *p);
bool fake_is_device(const void *p);
/* runs every queued asynchronous copy (a blocking call waits for them) */
void fake_streams_drain(void);

#endif
