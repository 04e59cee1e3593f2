/*
 * bits/cw_move.h — std::forward and std::move for device code (perfect
 * forwarding in variadic templates), included by <type_traits>.
 *
 * References are not types of their own in the device pass, so both hand
 * back the lvalue they are given.  NVRTC (the CUDA backend compiles the
 * user's code as written) declares the standard ones, with rvalue
 * references, which these would shadow (cuda::barrier::wait takes
 * std::move(token)).  That is why they live apart from <type_traits>,
 * whose tokens NVRTC gets: src/front/device_source.c leaves out the tokens
 * of our headers other than the shims it keeps, this one included.
 */
#ifndef CUWASM_DEVICE_BITS_CW_MOVE_H
#define CUWASM_DEVICE_BITS_CW_MOVE_H

namespace std {
template <class T> __host__ __device__ T &forward(T &t) { return t; }
template <class T> __host__ __device__ T &move(T &t) { return t; }
} // namespace std

#endif
