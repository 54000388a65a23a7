# attack: a function certified to use no stack calls a helper (the call pushes 8 bytes)
# expect: stack.bound
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        call __ktal_helper_getpid
        ret
        .size main, .-main
