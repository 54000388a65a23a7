# attack: movsq without rep
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
        lea rsi, [rip + buf + 8]
        movsq
        ret
        .size main, .-main
        .bss
buf: .zero 64
