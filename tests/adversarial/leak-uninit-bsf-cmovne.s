# attack: bsf leaves ecx as it was (stale) when edi is 0; cmovne replaces
# it only when a bit was found, so the stale value survives where edi = 0
# (cmove would replace exactly that case)
# expect: leak.uninitialised
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
#|   args int
        .text
        .globl main
        .type main,@function
main:
        bsf ecx, edi
        mov edx, 32
        cmovne ecx, edx
        mov dword ptr [rip + buf], ecx
        ret
        .size main, .-main
        .bss
buf: .zero 16
