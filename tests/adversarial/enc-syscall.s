# attack: make a real system call from ring 0 (syscall)
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
        syscall
        ret
        .size main, .-main
        .bss
buf: .zero 64
