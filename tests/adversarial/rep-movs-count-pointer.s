# attack: rep movsb with a pointer as the count
# expect: memory.rep-count
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
        mov rcx, rsi
        rep movsb
        ret
        .size main, .-main
        .bss
buf: .zero 64
