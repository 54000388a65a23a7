# attack: a sum of partly written registers; its byte above the written ones
# depends on stale bytes (and the carry): storing it leaks them
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
        cmp     rdi, 10
        sete    r11b
        mov     r10d, r11d
        add     r10d, 255
        mov     word ptr [rip + buf], r10w
        ret
        .size main, .-main
        .bss
buf: .zero 16
