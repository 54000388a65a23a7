# attack: pass the caller's rbx (kernel data) to exit() as the exit status
# expect: leak.opaque
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=8
        .text
        .globl main
        .type main,@function
main:
        mov rdi, rbx
        call __ktal_helper_exit
        .size main, .-main
