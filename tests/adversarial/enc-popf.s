# attack: load the flags register (popf: could clear IF or set TF/AC)
# expect: encoding.forbidden-opcode
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main frame=8 bound=8
        .text
        .globl main
        .type main,@function
main:
        xor eax, eax
        push rax
        popfq
        ret
        .size main, .-main
        .bss
buf: .zero 64
