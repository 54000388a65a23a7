# attack: a RIP-relative load in the unmapped gap between rodata and the sandbox
# expect: memory.bounds
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        movzx eax, byte ptr [rip + ro + 0x800]
        ret
        .size main, .-main
        .section .rodata
ro: .zero 16
