# attack: arm a hardware breakpoint (mov dr7, rax)
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
        mov dr7, rax
        ret
        .size main, .-main
        .bss
buf: .zero 64
