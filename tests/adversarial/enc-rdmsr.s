# attack: read a model-specific register (rdmsr: LSTAR holds a kernel text address)
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
        mov ecx, 0xc0000082
        rdmsr
        ret
        .size main, .-main
        .bss
buf: .zero 64
