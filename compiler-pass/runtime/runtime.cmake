# The ktal C runtime's sources and target flags, shared by
# compiler-pass/runtime/CMakeLists.txt (the runtime for ktal images) and
# tests/runtime/CMakeLists.txt (the same sources built into host tests).
set(KTAL_RUNTIME_DIR ${CMAKE_CURRENT_LIST_DIR})
set(KTAL_RUNTIME_INCLUDE_DIR ${KTAL_RUNTIME_DIR}/include)
get_filename_component(KTAL_RUNTIME_ROOT ${KTAL_RUNTIME_DIR}/../.. ABSOLUTE) # for tal/helper_abi.h

set(KTAL_RUNTIME_C_SOURCES
  ${KTAL_RUNTIME_DIR}/src/assert.c
  ${KTAL_RUNTIME_DIR}/src/ctype.c
  ${KTAL_RUNTIME_DIR}/src/errno.c
  ${KTAL_RUNTIME_DIR}/src/inet.c
  ${KTAL_RUNTIME_DIR}/src/malloc.c
  ${KTAL_RUNTIME_DIR}/src/printf.c
  ${KTAL_RUNTIME_DIR}/src/qsort.c
  ${KTAL_RUNTIME_DIR}/src/start.c
  ${KTAL_RUNTIME_DIR}/src/stdio.c
  ${KTAL_RUNTIME_DIR}/src/stdlib.c
  ${KTAL_RUNTIME_DIR}/src/strerror.c
  ${KTAL_RUNTIME_DIR}/src/string.c
  ${KTAL_RUNTIME_DIR}/src/syscalls.c)
file(GLOB_RECURSE KTAL_RUNTIME_HEADERS CONFIGURE_DEPENDS ${KTAL_RUNTIME_DIR}/include/*.h)
set(KTAL_RUNTIME_ASM_SOURCES ${KTAL_RUNTIME_DIR}/src/helpers.S)
# helpers.S goes through the C preprocessor (the X-macro table); CMake's ASM
# language uses the C compiler (clang) for it.
enable_language(ASM)

# How every ktal program (and this runtime) is compiled: freestanding, no
# floating point, no jump tables, no red zone (ring 0), position independent.
# (compiler-pass/driver/driver.cpp passes the same to every program.)
set(KTAL_TARGET_CFLAGS_BASE
  --target=x86_64-unknown-linux-gnu -O2 -ffreestanding -fno-builtin -nostdlib
  -fno-jump-tables -mgeneral-regs-only -mno-red-zone -fno-stack-protector
  -fcf-protection=none -fno-asynchronous-unwind-tables -fno-exceptions -fPIE
  -fno-optimize-sibling-calls -fno-common)
# (Kept apart: target_compile_options would de-duplicate the repeated -Xclang.)
set(KTAL_TARGET_XCLANG -Xclang -target-feature -Xclang -idivq-to-divl)
set(KTAL_TARGET_CFLAGS ${KTAL_TARGET_CFLAGS_BASE} ${KTAL_TARGET_XCLANG})

# The runtime's own extras: C17 with GNU extensions, our headers instead of
# the system's (-nostdlibinc keeps clang's stddef.h, stdint.h, stdarg.h...),
# no debug info whatever the build type, and strict warnings; frames stay
# small because a whole program gets a 4 KiB safe stack.
set(KTAL_RUNTIME_CFLAGS
  -std=gnu17 -g0 -nostdlibinc -Wall -Wextra -Werror -Wshadow -Wvla
  -Wframe-larger-than=512 -Wno-unused-command-line-argument)

# Sizes of the heap arena and the unsafe stack (empty: the sources' defaults,
# 8 MiB and 256 KiB).
set(KTAL_RUNTIME_HEAP_SIZE "" CACHE STRING "ktal runtime heap arena in bytes (empty: 8 MiB)")
set(KTAL_RUNTIME_UNSAFE_STACK_SIZE "" CACHE STRING "ktal runtime unsafe stack in bytes (empty: 256 KiB)")
set(KTAL_RUNTIME_DEFINES)
if(KTAL_RUNTIME_HEAP_SIZE)
  list(APPEND KTAL_RUNTIME_DEFINES KTAL_HEAP_SIZE=${KTAL_RUNTIME_HEAP_SIZE})
endif()
if(KTAL_RUNTIME_UNSAFE_STACK_SIZE)
  list(APPEND KTAL_RUNTIME_DEFINES KTAL_UNSAFE_STACK_SIZE=${KTAL_RUNTIME_UNSAFE_STACK_SIZE})
endif()

# ktal_runtime_objects(NAME [ASM]): an OBJECT library of the runtime built
# with the target flags (with ASM: the helper slots too).
function(ktal_runtime_objects name)
  cmake_parse_arguments(A "ASM" "" "" ${ARGN})
  if(NOT CMAKE_C_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "the ktal runtime needs clang (configure with -DCMAKE_C_COMPILER=clang-19)")
  endif()
  set(sources ${KTAL_RUNTIME_C_SOURCES})
  if(A_ASM)
    list(APPEND sources ${KTAL_RUNTIME_ASM_SOURCES})
  endif()
  add_library(${name} OBJECT ${sources})
  # The directory's warning options (and the build type's) apply first; ours
  # come after them and win.
  target_compile_options(${name} PRIVATE ${KTAL_TARGET_CFLAGS_BASE}
                         "SHELL:-Xclang -target-feature -Xclang -idivq-to-divl"
                         ${KTAL_RUNTIME_CFLAGS})
  target_compile_definitions(${name} PRIVATE ${KTAL_RUNTIME_DEFINES})
  target_include_directories(${name} SYSTEM BEFORE PRIVATE ${KTAL_RUNTIME_INCLUDE_DIR})
  target_include_directories(${name} PRIVATE ${KTAL_RUNTIME_ROOT})
  set_target_properties(${name} PROPERTIES POSITION_INDEPENDENT_CODE ON)
endfunction()
