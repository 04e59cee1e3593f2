# cuwasm-cuda.cmake — toolchain file for CUDA projects: makes the cuwasm
# installed beside this file the project's CUDA compiler.  CMake's CUDA
# language accepts cuwasm-nvcc directly (it answers `--version` and `-v`
# the way nvcc does, and links with -lcudart_static, which is cuwasm's
# runtime under CUDA's name), so this file only spares users the path:
#   cmake -S . -B build --toolchain PREFIX/share/cuwasm/cmake/cuwasm-cuda.cmake
# is the same as -DCMAKE_CUDA_COMPILER=PREFIX/bin/cuwasm-nvcc.
get_filename_component(_cuwasm_nvcc "${CMAKE_CURRENT_LIST_DIR}/../../../bin/cuwasm-nvcc" ABSOLUTE)
if(NOT EXISTS "${_cuwasm_nvcc}")
  message(FATAL_ERROR "cuwasm-cuda.cmake: no cuwasm-nvcc at ${_cuwasm_nvcc}")
endif()
set(CMAKE_CUDA_COMPILER "${_cuwasm_nvcc}" CACHE FILEPATH "cuwasm's nvcc-compatible driver")
