# Building kernel modules with Kbuild against the installed Debian headers.
# The ABI is the one linux-image-amd64 points at (scripts/kernel-abi), never
# hard-coded: Debian's mirror keeps only the newest.
execute_process(COMMAND ${CMAKE_SOURCE_DIR}/scripts/kernel-abi
                OUTPUT_VARIABLE KTAL_KERNEL_ABI OUTPUT_STRIP_TRAILING_WHITESPACE
                ERROR_VARIABLE abi_error RESULT_VARIABLE abi_result)
if(NOT abi_result EQUAL 0)
  message(FATAL_ERROR "ktal: no matching Debian kernel image and headers: ${abi_error}"
                      "Run scripts/install-deps, or configure with -DKTAL_KERNEL=OFF.")
endif()
message(STATUS "ktal: kernel ABI ${KTAL_KERNEL_ABI}")
set(KTAL_QEMU ${CMAKE_SOURCE_DIR}/kernel/qemu/ktal-qemu)

# ktal_kernel_module(NAME TREES src[:subdir]... [DEPENDS files...] [MAKEVARS ...])
# Produces ${CMAKE_BINARY_DIR}/kernel/NAME/NAME.ko as target NAME-ko.
function(ktal_kernel_module name)
  cmake_parse_arguments(A "" "" "TREES;DEPENDS;MAKEVARS" ${ARGN})
  set(out ${CMAKE_BINARY_DIR}/kernel/${name})
  set(tree_args)
  set(deps)
  foreach(t IN LISTS A_TREES)
    list(APPEND tree_args --tree ${t})
    string(REGEX REPLACE ":.*" "" src ${t})
    file(GLOB_RECURSE srcs CONFIGURE_DEPENDS ${src}/*.c ${src}/*.h ${src}/*.cpp ${src}/*.hpp
                             ${src}/*.inc ${src}/*.S ${src}/*.mk ${src}/Kbuild)
    list(APPEND deps ${srcs})
  endforeach()
  add_custom_command(
    OUTPUT ${out}/${name}.ko
    COMMAND ${CMAKE_SOURCE_DIR}/scripts/kbuild --abi ${KTAL_KERNEL_ABI} --out ${out} ${tree_args}
            -- KTAL_SRC=${CMAKE_SOURCE_DIR} ${A_MAKEVARS}
    DEPENDS ${deps} ${A_DEPENDS} ${CMAKE_SOURCE_DIR}/scripts/kbuild
    COMMENT "Kbuild ${name}.ko against ${KTAL_KERNEL_ABI}"
    VERBATIM)
  add_custom_target(${name}-ko ALL DEPENDS ${out}/${name}.ko)
endfunction()
