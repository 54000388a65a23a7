# attack: store the low byte of the caller's r13
# expect: leak.opaque
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        mov byte ptr [rip + buf], r13b
        ret
        .size main, .-main
        .bss
buf: .zero 16
