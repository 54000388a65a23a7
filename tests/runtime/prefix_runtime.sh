#!/bin/sh
# Make the runtime linkable into a host test program (one that also links
# glibc). The runtime defines memcpy, printf, malloc, errno... exactly the
# names glibc defines, so the host build renames them:
#
#   1. `ld -r` merges the runtime's objects into one relocatable object, so
#      that every internal reference (including the memcpy/memset calls the
#      compiler itself emits) is bound to the runtime's own definition;
#   2. objcopy --redefine-syms then renames every global symbol the runtime
#      defines, NAME -> ktal_NAME, definitions and references together, plus
#      `main` -> `ktal_main` (the program __ktal_start calls);
#   3. the result may then refer to nothing but the helpers (which
#      native_helpers.c implements with real system calls), ktal_main and
#      what ktal-cc defines for each program (__ktal_constructors,
#      __ktal_destructors; native_helpers.c: empty): any other undefined
#      symbol would silently bind to glibc, so it is an error.
#
# Renaming the compiled objects (instead of, say, -Dmalloc=ktal_malloc
# macros) tests the very code that ktal images get, compiler-generated calls
# included. Tests call the runtime as ktal_printf, ktal_malloc... (see
# ktal_host.h).
#
# usage: prefix_runtime.sh LD OBJCOPY NM OUTPUT OBJECT...
set -eu
ld=$1 objcopy=$2 nm=$3 out=$4
shift 4
"$ld" -r -o "$out.merged.o" "$@"
"$nm" --defined-only -g "$out.merged.o" | awk 'NF == 3 { print $3 " ktal_" $3 }' > "$out.syms"
echo "main ktal_main" >> "$out.syms"
"$objcopy" --redefine-syms="$out.syms" "$out.merged.o" "$out"
bad=$("$nm" -u "$out" | awk '{ print $NF }' | grep -v -e '^__ktal_helper_' -e '^ktal_main$' \
  -e '^__ktal_constructors$' -e '^__ktal_destructors$' || true)
if [ -n "$bad" ]; then
  echo "prefix_runtime.sh: the runtime refers to symbols it does not define:" >&2
  echo "$bad" >&2
  rm -f "$out"
  exit 1
fi
rm -f "$out.merged.o"
