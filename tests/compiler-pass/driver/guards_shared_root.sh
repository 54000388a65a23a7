#!/bin/bash
# In a loop, the guards of x->key and x->child[c] share one subtraction:
# x's offset in the window is taken once where x is defined, and the child's
# guard checks a lea of it (x + 8c) with 0x8 left to the displacement. Before,
# each guard subtracted the window's base from its own pointer. Results as
# clang's; a pointer from nowhere stops with the bounds trap.
# usage: guards_shared_root.sh KTAL_CC KTAL
KTAL_CC=$1 KTAL=${2:-}
source "$(dirname "$0")/../lib.sh"

cat > "$TMP/tree.c" <<'C'
#include <stdio.h>
#include <stdlib.h>
struct node {
    int key;
    struct node *child[2];
};
__attribute__((noinline)) int depth_of(const struct node *x, int key) {
    int d = 0;
    while (x) {
        if (x->key == key) return d;
        x = x->child[key > x->key];
        d++;
    }
    return -1;
}
static struct node *insert(struct node *t, int key) {
    struct node **p = &t;
    while (*p) p = &(*p)->child[key > (*p)->key];
    *p = calloc(1, sizeof **p);
    (*p)->key = key;
    return t;
}
int main(int argc, char **argv) {
    struct node *t = 0;
    unsigned s = 12345;
    for (int i = 0; i < 1000; i++) {
        s = s * 1103515245u + 12345u;
        t = insert(t, (int)(s >> 8) % 5000);
    }
    long sum = 0;
    for (int k = 0; k < 5000; k += 7) sum += depth_of(t, k);
    printf("%ld\n", sum);
    if (argc > 1) printf("%d\n", depth_of((const struct node *)strtoul(argv[1], 0, 0), 1));
    return 0;
}
C
cc -O2 -o tree.ktal tree.c
expect_success
expect_as_clang tree
llvm-objdump-19 -d --no-show-raw-insn "$TMP/tree.ktal" | awk '/<depth_of>:/, /^$/' > "$TMP/depth.s"
subs=$(grep -cE '	subq	%' "$TMP/depth.s")
[ "$subs" -eq 1 ] || { cat "$TMP/depth.s" >&2; fail "depth_of subtracts the window's base $subs times, not once"; }
expect_bounds_trap "a pointer from nowhere" "$TMP/tree.ktal" 0x7fff00000000
echo "ok: x->key and x->child[c] share one subtraction; results as clang's; the bounds trap"
