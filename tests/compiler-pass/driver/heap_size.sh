#!/bin/bash
# --heap-size (plugin/Heap.cpp): a program that allocates 9 MiB runs out of
# the default 8 MiB arena (malloc returns NULL, as C says) and runs with
# --heap-size 16M, at -O0 and -O2, printing what plain clang's program
# prints; the image holds the arena (its sandbox grows by the difference);
# bad sizes (up to 512M: an image's data is at most 1 GiB) are refused
# with a clear error.
# usage: heap_size.sh KTAL_CC KTAL
KTAL_CC=$1 KTAL=${2:-}
source "$(dirname "$0")/../lib.sh"

cp "$INPUTS/heap_size.c" "$TMP/"
sandbox() { echo $((16#$(llvm-readelf-19 -s -W "$1" | awk '$NF == "__ktal_sandbox_size" { print $2 }'))); }
for o in -O0 -O2; do
    cc "$o" -o heap_size.ktal heap_size.c
    expect_success "$o" heap_size.c
    run_user_status 1 "$TMP/heap_size.ktal"
    expect_output "block 2: out of memory"
    small=$(sandbox "$TMP/heap_size.ktal")
    cc "$o" --heap-size 16M -o heap_size.ktal heap_size.c
    expect_success "$o --heap-size 16M" heap_size.c
    expect_as_clang heap_size
    big=$(sandbox "$TMP/heap_size.ktal")
    [ -n "$small" ] && [ $((big - small)) -eq $((8 << 20)) ] ||
        fail "$o: the sandbox grew from $small to $big bytes, not by 8 MiB"
done
for bad in 0 100 abc 513M 1G 16Q -1; do
    cc --heap-size "$bad" -o bad.ktal heap_size.c
    expect_error "--heap-size takes a number of bytes" "'$bad'"
done
echo "ok: heap_size"
