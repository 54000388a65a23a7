# attack: read control register cr0
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
        mov rax, cr0
        ret
        .size main, .-main
        .bss
buf: .zero 64
