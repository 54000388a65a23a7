# attack: read a debug register (mov rax, dr6)
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
        mov rax, dr6
        ret
        .size main, .-main
        .bss
buf: .zero 64
