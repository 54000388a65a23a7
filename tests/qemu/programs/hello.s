# ring 0: writes "hello" to stdout through the write helper (from rodata),
# then exits with argc + 40 through the exit helper.
# expect: accept
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main frame=8 bound=16
#|   args int int
        .text
        .globl main
        .type main,@function
main:
        push rdi                        # argc, kept across the call
        mov edi, 1
        lea rsi, [rip + msg]
        mov edx, 6
        call __ktal_helper_write
        pop rdi
        add rdi, 40
        call __ktal_helper_exit
        .size main, .-main
        .section .rodata
msg:    .ascii "hello\n"
