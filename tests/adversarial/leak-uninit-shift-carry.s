# attack: shl by 4 moves half of a stale byte into the byte above the one
# written; storing those two bytes reads the stale half
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
        shl     r11, 4
        mov     word ptr [rip + buf], r11w
        ret
        .size main, .-main
        .bss
buf: .zero 16
