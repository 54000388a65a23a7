# ring 0: exits with getpid(): the helpers act on the calling process.
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
        call __ktal_helper_getpid
        mov rdi, rax
        call __ktal_helper_exit
        .size main, .-main
