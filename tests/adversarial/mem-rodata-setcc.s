# attack: setcc into rodata
# expect: memory.read-only
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        xor eax, eax
        sete byte ptr [rip + ro]
        ret
        .size main, .-main
        .section .rodata
ro: .zero 16
ro_end:
