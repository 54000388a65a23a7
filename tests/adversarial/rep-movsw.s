# attack: a 16-bit rep movsw (66 prefix on a string op)
# expect: encoding.forbidden-prefix
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        lea rdi, [rip + buf]
        lea rsi, [rip + buf + 32]
        mov ecx, 8
        rep movsw
        ret
        .size main, .-main
        .bss
buf: .zero 64
