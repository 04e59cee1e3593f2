/*
 * curand_kernel.h — cuRAND's device API (cuwasm): per-thread generator
 * states and the functions that draw from them.
 *
 * The generators themselves are in cw_curand_core.h (shared with the host
 * API); this header gives them cuRAND's C++ names and overloads, one set
 * per state type: curandState (= curandStateXORWOW_t, the default),
 * curandStatePhilox4_32_10_t and curandStateMRG32k3a_t.  curand_normal and its relatives keep the
 * second value of a Box-Muller pair in the state and return it on the next
 * call, as cuRAND does, so a thread's sequence of normals is cuRAND's.
 * The functions are `__host__ __device__` here (cuRAND's are device-only);
 * on the CUDA backend NVRTC reads the toolkit's own curand_kernel.h, whose
 * states have the same sizes.  MTGP32, the quasi-random generators and
 * discrete distributions are not provided: using them is an unknown-type
 * or unknown-function error at the user's line.
 */
#ifndef CUWASM_CURAND_KERNEL_H
#define CUWASM_CURAND_KERNEL_H
#define CURAND_KERNEL_H_ /* NVIDIA's guard */

#include "cuda_runtime.h"
#include "curand.h"
#include "cw_curand_core.h"

typedef curandStateXORWOW_t curandState_t;
typedef curandStateXORWOW_t curandState;

#define __CW_CURAND_API static inline __host__ __device__

/* ---- initialisation and skip-ahead ----------------------------------------- */

__CW_CURAND_API void curand_init(unsigned long long seed, unsigned long long subsequence,
                                 unsigned long long offset, curandStateXORWOW_t *state) {
  __cw_xorwow_init(state, seed, subsequence, offset);
}

__CW_CURAND_API void curand_init(unsigned long long seed, unsigned long long subsequence,
                                 unsigned long long offset, curandStatePhilox4_32_10_t *state) {
  __cw_philox_init(state, seed, subsequence, offset);
}

__CW_CURAND_API void curand_init(unsigned long long seed, unsigned long long subsequence,
                                 unsigned long long offset, curandStateMRG32k3a_t *state) {
  __cw_mrg_init(state, seed, subsequence, offset);
}

__CW_CURAND_API void skipahead(unsigned long long n, curandStateMRG32k3a_t *state) {
  __cw_mrg_jump(state, n, 0);
}

/* MRG32k3a has two: subsequences of 2^76 (curand_init's), sequences of 2^127 */
__CW_CURAND_API void skipahead_subsequence(unsigned long long n, curandStateMRG32k3a_t *state) {
  __cw_mrg_jump(state, n, 76);
}

__CW_CURAND_API void skipahead_sequence(unsigned long long n, curandStateMRG32k3a_t *state) {
  __cw_mrg_jump(state, n, 127);
}

__CW_CURAND_API void skipahead(unsigned long long n, curandStateXORWOW_t *state) {
  __cw_xorwow_skipahead(state, n);
}

__CW_CURAND_API void skipahead(unsigned long long n, curandStatePhilox4_32_10_t *state) {
  __cw_philox_skipahead(state, n);
}

__CW_CURAND_API void skipahead_sequence(unsigned long long n, curandStateXORWOW_t *state) {
  __cw_xorwow_jump(state->v, n, 1);
}

__CW_CURAND_API void skipahead_sequence(unsigned long long n, curandStatePhilox4_32_10_t *state) {
  __cw_philox_advance(state, n, 1);
}

/* ---- 32-bit integers ----------------------------------------------------- */

__CW_CURAND_API unsigned int curand(curandStateXORWOW_t *state) { return __cw_xorwow_next(state); }

__CW_CURAND_API unsigned int curand(curandStatePhilox4_32_10_t *state) {
  return __cw_philox_next(state);
}

__CW_CURAND_API uint4 curand4(curandStatePhilox4_32_10_t *state) { return __cw_philox_next4(state); }

__CW_CURAND_API unsigned int curand(curandStateMRG32k3a_t *state) {
  return __cw_mrg_to_bits(__cw_mrg_next(state));
}

/* ---- uniform ------------------------------------------------------------- */

__CW_CURAND_API float curand_uniform(curandStateXORWOW_t *state) {
  return __cw_curand_to_uniform(curand(state));
}

__CW_CURAND_API float curand_uniform(curandStatePhilox4_32_10_t *state) {
  return __cw_curand_to_uniform(curand(state));
}

__CW_CURAND_API float curand_uniform(curandStateMRG32k3a_t *state) {
  return __cw_mrg_to_uniform(__cw_mrg_next(state));
}

__CW_CURAND_API double curand_uniform_double(curandStateMRG32k3a_t *state) {
  return __cw_mrg_to_uniform_double(__cw_mrg_next(state));
}

__CW_CURAND_API float4 curand_uniform4(curandStatePhilox4_32_10_t *state) {
  uint4 x = curand4(state);
  return make_float4(__cw_curand_to_uniform(x.x), __cw_curand_to_uniform(x.y),
                     __cw_curand_to_uniform(x.z), __cw_curand_to_uniform(x.w));
}

__CW_CURAND_API double curand_uniform_double(curandStateXORWOW_t *state) {
  unsigned int x = curand(state);
  unsigned int y = curand(state);
  return __cw_curand_to_uniform_double(x, y);
}

/* Philox's draws one output: 32 random bits, x * 2^-32 + 2^-32 (as cuRAND) */
__CW_CURAND_API double curand_uniform_double(curandStatePhilox4_32_10_t *state) {
  return (double)curand(state) * (double)__CW_CURAND_2POW32_INV + (double)__CW_CURAND_2POW32_INV;
}

__CW_CURAND_API double2 curand_uniform2_double(curandStatePhilox4_32_10_t *state) {
  uint4 x = curand4(state);
  return make_double2(__cw_curand_to_uniform_double(x.x, x.y),
                      __cw_curand_to_uniform_double(x.z, x.w));
}

/* two draws of four: (x.x, x.y), (x.z, x.w), (y.x, y.y), (y.z, y.w) */
__CW_CURAND_API double4 curand_uniform4_double(curandStatePhilox4_32_10_t *state) {
  uint4 x = curand4(state), y = curand4(state);
  return make_double4(__cw_curand_to_uniform_double(x.x, x.y), __cw_curand_to_uniform_double(x.z, x.w),
                      __cw_curand_to_uniform_double(y.x, y.y), __cw_curand_to_uniform_double(y.z, y.w));
}

/* ---- normal -------------------------------------------------------------- */

__CW_CURAND_API float2 curand_normal2(curandStateXORWOW_t *state) {
  unsigned int x = curand(state);
  unsigned int y = curand(state);
  return __cw_curand_box_muller(x, y);
}

__CW_CURAND_API float2 curand_normal2(curandStatePhilox4_32_10_t *state) {
  unsigned int x = curand(state);
  unsigned int y = curand(state);
  return __cw_curand_box_muller(x, y);
}

__CW_CURAND_API float2 curand_normal2(curandStateMRG32k3a_t *state) {
  unsigned int x = __cw_mrg_next(state);
  unsigned int y = __cw_mrg_next(state);
  return __cw_mrg_box_muller(x, y);
}

__CW_CURAND_API float4 curand_normal4(curandStatePhilox4_32_10_t *state) {
  uint4 x = curand4(state);
  float2 a = __cw_curand_box_muller(x.x, x.y), b = __cw_curand_box_muller(x.z, x.w);
  return make_float4(a.x, a.y, b.x, b.y);
}

/* The first of a pair now, the second on the next call of the same
 * function: normals and log-normals (whose pending value is already
 * transformed) mark the state differently, and a call of the other kind
 * drops the pending value and draws a new pair, as cuRAND does. */
#define __CW_CURAND_PENDING_NORMAL 1
#define __CW_CURAND_PENDING_LOG_NORMAL 2

template <class State> static inline __host__ __device__ float __cw_curand_normal(State *state) {
  if (state->boxmuller_flag == __CW_CURAND_PENDING_NORMAL) {
    state->boxmuller_flag = 0;
    return state->boxmuller_extra;
  }
  float2 v = curand_normal2(state);
  state->boxmuller_extra = v.y;
  state->boxmuller_flag = __CW_CURAND_PENDING_NORMAL;
  return v.x;
}

__CW_CURAND_API float curand_normal(curandStateXORWOW_t *state) { return __cw_curand_normal(state); }

__CW_CURAND_API float curand_normal(curandStateMRG32k3a_t *state) { return __cw_curand_normal(state); }

__CW_CURAND_API float curand_normal(curandStatePhilox4_32_10_t *state) {
  return __cw_curand_normal(state);
}

__CW_CURAND_API double2 curand_normal2_double(curandStateXORWOW_t *state) {
  unsigned int x0 = curand(state);
  unsigned int x1 = curand(state);
  unsigned int y0 = curand(state);
  unsigned int y1 = curand(state);
  return __cw_curand_box_muller_double(x0, x1, y0, y1);
}

__CW_CURAND_API double2 curand_normal2_double(curandStateMRG32k3a_t *state) {
  unsigned int x = __cw_mrg_next(state);
  unsigned int y = __cw_mrg_next(state);
  return __cw_mrg_box_muller_double(x, y);
}

__CW_CURAND_API double2 curand_normal2_double(curandStatePhilox4_32_10_t *state) {
  uint4 x = curand4(state);
  return __cw_curand_box_muller_double(x.x, x.y, x.z, x.w);
}

__CW_CURAND_API double4 curand_normal4_double(curandStatePhilox4_32_10_t *state) {
  uint4 x = curand4(state), y = curand4(state);
  double2 a = __cw_curand_box_muller_double(x.x, x.y, x.z, x.w);
  double2 b = __cw_curand_box_muller_double(y.x, y.y, y.z, y.w);
  return make_double4(a.x, a.y, b.x, b.y);
}

template <class State> static inline __host__ __device__ double __cw_curand_normal_double(State *state) {
  if (state->boxmuller_flag_double == __CW_CURAND_PENDING_NORMAL) {
    state->boxmuller_flag_double = 0;
    return state->boxmuller_extra_double;
  }
  double2 v = curand_normal2_double(state);
  state->boxmuller_extra_double = v.y;
  state->boxmuller_flag_double = __CW_CURAND_PENDING_NORMAL;
  return v.x;
}

__CW_CURAND_API double curand_normal_double(curandStateXORWOW_t *state) {
  return __cw_curand_normal_double(state);
}

__CW_CURAND_API double curand_normal_double(curandStatePhilox4_32_10_t *state) {
  return __cw_curand_normal_double(state);
}

__CW_CURAND_API double curand_normal_double(curandStateMRG32k3a_t *state) {
  return __cw_curand_normal_double(state);
}

/* ---- log-normal: exp(mean + stddev * normal) ---------------------------- */

template <class State>
static inline __host__ __device__ float __cw_curand_log_normal(State *state, float mean, float stddev) {
  if (state->boxmuller_flag == __CW_CURAND_PENDING_LOG_NORMAL) {
    state->boxmuller_flag = 0;
    return state->boxmuller_extra;
  }
  float2 v = curand_normal2(state);
  state->boxmuller_extra = expf(mean + stddev * v.y);
  state->boxmuller_flag = __CW_CURAND_PENDING_LOG_NORMAL;
  return expf(mean + stddev * v.x);
}

template <class State>
static inline __host__ __device__ double __cw_curand_log_normal_double(State *state, double mean,
                                                                      double stddev) {
  if (state->boxmuller_flag_double == __CW_CURAND_PENDING_LOG_NORMAL) {
    state->boxmuller_flag_double = 0;
    return state->boxmuller_extra_double;
  }
  double2 v = curand_normal2_double(state);
  state->boxmuller_extra_double = exp(mean + stddev * v.y);
  state->boxmuller_flag_double = __CW_CURAND_PENDING_LOG_NORMAL;
  return exp(mean + stddev * v.x);
}

__CW_CURAND_API float curand_log_normal(curandStateXORWOW_t *state, float mean, float stddev) {
  return __cw_curand_log_normal(state, mean, stddev);
}

__CW_CURAND_API float curand_log_normal(curandStatePhilox4_32_10_t *state, float mean, float stddev) {
  return __cw_curand_log_normal(state, mean, stddev);
}

__CW_CURAND_API float curand_log_normal(curandStateMRG32k3a_t *state, float mean, float stddev) {
  return __cw_curand_log_normal(state, mean, stddev);
}

__CW_CURAND_API float2 curand_log_normal2(curandStateMRG32k3a_t *state, float mean, float stddev) {
  float2 v = curand_normal2(state);
  return make_float2(expf(mean + stddev * v.x), expf(mean + stddev * v.y));
}

__CW_CURAND_API double curand_log_normal_double(curandStateMRG32k3a_t *state, double mean,
                                                double stddev) {
  return __cw_curand_log_normal_double(state, mean, stddev);
}

__CW_CURAND_API float2 curand_log_normal2(curandStateXORWOW_t *state, float mean, float stddev) {
  float2 v = curand_normal2(state);
  return make_float2(expf(mean + stddev * v.x), expf(mean + stddev * v.y));
}

__CW_CURAND_API float2 curand_log_normal2(curandStatePhilox4_32_10_t *state, float mean,
                                          float stddev) {
  float2 v = curand_normal2(state);
  return make_float2(expf(mean + stddev * v.x), expf(mean + stddev * v.y));
}

__CW_CURAND_API float4 curand_log_normal4(curandStatePhilox4_32_10_t *state, float mean,
                                          float stddev) {
  float4 v = curand_normal4(state);
  return make_float4(expf(mean + stddev * v.x), expf(mean + stddev * v.y),
                     expf(mean + stddev * v.z), expf(mean + stddev * v.w));
}

__CW_CURAND_API double curand_log_normal_double(curandStateXORWOW_t *state, double mean,
                                                double stddev) {
  return __cw_curand_log_normal_double(state, mean, stddev);
}

__CW_CURAND_API double curand_log_normal_double(curandStatePhilox4_32_10_t *state, double mean,
                                                double stddev) {
  return __cw_curand_log_normal_double(state, mean, stddev);
}

__CW_CURAND_API double4 curand_log_normal4_double(curandStatePhilox4_32_10_t *state, double mean,
                                                  double stddev) {
  double4 v = curand_normal4_double(state);
  return make_double4(exp(mean + stddev * v.x), exp(mean + stddev * v.y), exp(mean + stddev * v.z),
                      exp(mean + stddev * v.w));
}

template <class State>
static inline __host__ __device__ double2 __cw_curand_log_normal2_double(State *state, double mean,
                                                                         double stddev) {
  double2 v = curand_normal2_double(state);
  return make_double2(exp(mean + stddev * v.x), exp(mean + stddev * v.y));
}

__CW_CURAND_API double2 curand_log_normal2_double(curandStateXORWOW_t *state, double mean,
                                                  double stddev) {
  return __cw_curand_log_normal2_double(state, mean, stddev);
}

__CW_CURAND_API double2 curand_log_normal2_double(curandStatePhilox4_32_10_t *state, double mean,
                                                  double stddev) {
  return __cw_curand_log_normal2_double(state, mean, stddev);
}

__CW_CURAND_API double2 curand_log_normal2_double(curandStateMRG32k3a_t *state, double mean,
                                                  double stddev) {
  return __cw_curand_log_normal2_double(state, mean, stddev);
}

/* ---- Poisson --------------------------------------------------------------- */

/* small means: count uniforms until their product drops below e^-lambda;
 * large ones: Hörmann's transformed rejection (cw_curand_core.h) */
template <class State>
static inline __host__ __device__ unsigned int __cw_curand_poisson(State *state, double lambda) {
  if (!(lambda > 0.0)) return 0;
  if (lambda < 10.0) {
    double limit = exp(-lambda), product = curand_uniform_double(state);
    unsigned int k = 0;
    while (product > limit) {
      k++;
      product *= curand_uniform_double(state);
    }
    return k;
  }
  for (;;) {
    double u = curand_uniform_double(state), v = curand_uniform_double(state);
    unsigned int k = 0;
    if (u < 1.0 && __cw_poisson_ptrs_try(lambda, u, v, &k)) return k;
  }
}

__CW_CURAND_API unsigned int curand_poisson(curandStateXORWOW_t *state, double lambda) {
  return __cw_curand_poisson(state, lambda);
}

__CW_CURAND_API unsigned int curand_poisson(curandStatePhilox4_32_10_t *state, double lambda) {
  return __cw_curand_poisson(state, lambda);
}

__CW_CURAND_API unsigned int curand_poisson(curandStateMRG32k3a_t *state, double lambda) {
  return __cw_curand_poisson(state, lambda);
}

__CW_CURAND_API uint4 curand_poisson4(curandStatePhilox4_32_10_t *state, double lambda) {
  unsigned int a = curand_poisson(state, lambda);
  unsigned int b = curand_poisson(state, lambda);
  unsigned int c = curand_poisson(state, lambda);
  unsigned int d = curand_poisson(state, lambda);
  return make_uint4(a, b, c, d);
}

#undef __CW_CURAND_API
#endif /* CUWASM_CURAND_KERNEL_H */
