# attack: string input from an I/O port into the sandbox (insd)
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
        lea rdi, [rip + buf]
        mov edx, 0x3f8
        insd
        ret
        .size main, .-main
        .bss
buf: .zero 64
