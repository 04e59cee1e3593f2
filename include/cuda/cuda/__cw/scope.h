/*
 * cuda/__cw/scope.h — cuda::thread_scope, shared by <cuda/barrier> and
 * <cuda/atomic> (cuwasm).  Read by both passes.
 */
#ifndef CUWASM_CUDA_CW_SCOPE_H
#define CUWASM_CUDA_CW_SCOPE_H

namespace cuda {

enum thread_scope {
  thread_scope_system = 0,
  thread_scope_device = 1,
  thread_scope_block = 2,
  thread_scope_thread = 3
};

} /* namespace cuda */

#endif
