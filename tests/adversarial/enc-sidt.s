# attack: read the IDT base (sidt leaks a kernel address)
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
        sidt [rip + buf]
        ret
        .size main, .-main
        .bss
buf: .zero 64
