# attack: a 16-bit cmov writes only cx: the rest of rcx still holds stale
# kernel data, stored whole into the sandbox
# expect: leak.uninitialised
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
#|   args int int
        .text
        .globl main
        .type main,@function
main:
        mov cx, 7
        cmp edi, esi
        cmovl cx, si
        mov qword ptr [rip + buf], rcx
        ret
        .size main, .-main
        .bss
buf: .zero 16
