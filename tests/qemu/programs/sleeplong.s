# ring 0: sleeps 20 s in nanosleep; a fatal signal must end it at once.
# expect: accept
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=8
        .text
        .globl main
        .type main,@function
main:
        lea rdi, [rip + req]
        xor esi, esi
        call __ktal_helper_nanosleep
        mov rdi, rax
        call __ktal_helper_exit
        .size main, .-main
        .section .rodata
        .balign 8
req:    .quad 20, 0
