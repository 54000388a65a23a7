# attack: turn off SMEP/SMAP by writing cr4
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
        xor eax, eax
        mov cr4, rax
        ret
        .size main, .-main
        .bss
buf: .zero 64
