# attack: flush a cache line (clflush: Flush+Reload side channel)
# expect: encoding.forbidden-opcode
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        clflush [rip + buf]
        ret
        .size main, .-main
        .bss
buf: .zero 64
