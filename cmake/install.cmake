# install.cmake — what `cmake --install build --prefix P` puts where, and
# the Debian package (`cpack -G DEB` in the build folder).
#   bin/cuwasm, bin/cuwasm-nvcc (link)        the tool, and nvcc's name
#   lib/libcuwasm.a, lib/libcuwasm.so*         the library
#   lib/cuwasm/libcudart_static.a, libcudadevrt.a, libnvToolsExt.a, libcurand.a,
#   libcurand_static.a, libcuda.a, libcudart.so
#                                              the same under CUDA's names
#   include/cuwasm.h                           its C API
#   share/cuwasm/include/cuda/                 CUDA-compatible headers (kept
#                                              apart from a real toolkit's)
#   share/cuwasm/host_glue.h                   what `cuwasm cc` includes first
#   lib/pkgconfig/cuwasm.pc                    pkg-config
#   lib/cmake/cuwasm/                          find_package(cuwasm) → cuwasm::cuwasm
#   share/cuwasm/cmake/cuwasm-cuda.cmake       toolchain file for CUDA projects
# The tool finds the headers relative to its own location (tools/cuwasm/paths.c).
install(TARGETS cuwasm_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
set(_cw_dest "\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}")
install(CODE "
  execute_process(COMMAND \${CMAKE_COMMAND} -E create_symlink cuwasm
    \"${_cw_dest}/${CMAKE_INSTALL_BINDIR}/cuwasm-nvcc\")
  file(MAKE_DIRECTORY \"${_cw_dest}/${CMAKE_INSTALL_LIBDIR}/cuwasm\")
  execute_process(COMMAND \${CMAKE_COMMAND} -E create_symlink ../libcuwasm.a
    \"${_cw_dest}/${CMAKE_INSTALL_LIBDIR}/cuwasm/libcudart_static.a\")
  execute_process(COMMAND \${CMAKE_COMMAND} -E create_symlink ../libcuwasm.a
    \"${_cw_dest}/${CMAKE_INSTALL_LIBDIR}/cuwasm/libcudadevrt.a\")
  execute_process(COMMAND \${CMAKE_COMMAND} -E create_symlink ../libcuwasm.a
    \"${_cw_dest}/${CMAKE_INSTALL_LIBDIR}/cuwasm/libnvToolsExt.a\")
  execute_process(COMMAND \${CMAKE_COMMAND} -E create_symlink ../libcuwasm.a
    \"${_cw_dest}/${CMAKE_INSTALL_LIBDIR}/cuwasm/libcurand.a\")
  execute_process(COMMAND \${CMAKE_COMMAND} -E create_symlink ../libcuwasm.a
    \"${_cw_dest}/${CMAKE_INSTALL_LIBDIR}/cuwasm/libcurand_static.a\")
  execute_process(COMMAND \${CMAKE_COMMAND} -E create_symlink ../libcuwasm.a
    \"${_cw_dest}/${CMAKE_INSTALL_LIBDIR}/cuwasm/libcuda.a\")
  execute_process(COMMAND \${CMAKE_COMMAND} -E create_symlink ../libcuwasm.so
    \"${_cw_dest}/${CMAKE_INSTALL_LIBDIR}/cuwasm/libcudart.so\")")
install(TARGETS cuwasm cuwasm_shared EXPORT cuwasmTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(FILES ${CMAKE_SOURCE_DIR}/include/cuwasm.h DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${CMAKE_SOURCE_DIR}/include/cuda/
  DESTINATION ${CMAKE_INSTALL_DATADIR}/cuwasm/include/cuda
  PATTERN "tests" EXCLUDE PATTERN "README.md" EXCLUDE)
install(FILES ${CMAKE_SOURCE_DIR}/src/compat/host_glue.h DESTINATION ${CMAKE_INSTALL_DATADIR}/cuwasm)
install(FILES ${CMAKE_SOURCE_DIR}/cmake/cuwasm-cuda.cmake
  DESTINATION ${CMAKE_INSTALL_DATADIR}/cuwasm/cmake)

install(EXPORT cuwasmTargets NAMESPACE cuwasm:: DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/cuwasm)
file(WRITE ${CMAKE_BINARY_DIR}/cuwasmConfig.cmake
  "include(CMakeFindDependencyMacro)\n"
  "find_dependency(Threads)\n"
  "include(\${CMAKE_CURRENT_LIST_DIR}/cuwasmTargets.cmake)\n"
  "if(NOT TARGET cuwasm::cuwasm)\n  add_library(cuwasm::cuwasm ALIAS cuwasm::cuwasm_shared)\nendif()\n")
install(FILES ${CMAKE_BINARY_DIR}/cuwasmConfig.cmake DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/cuwasm)

# relocatable: the prefix is found from the .pc file's own folder
file(RELATIVE_PATH CUWASM_PC_TO_PREFIX "/p/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/p")
configure_file(${CMAKE_SOURCE_DIR}/cmake/cuwasm.pc.in ${CMAKE_BINARY_DIR}/cuwasm.pc @ONLY)
install(FILES ${CMAKE_BINARY_DIR}/cuwasm.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

set(CPACK_PACKAGE_NAME cuwasm)
set(CPACK_PACKAGE_VERSION 0.1.0)
set(CPACK_PACKAGE_CONTACT "cuwasm developers")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "CUDA on any CPU and GPU: compiler, runtime and nvcc-compatible driver")
set(CPACK_DEBIAN_PACKAGE_DEPENDS "g++, libc6-dev")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libsleef3")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
include(CPack)
