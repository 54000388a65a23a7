# attack: call a function with an uninitialised argument register
# expect: leak.uninitialised
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function f bound=0 order=0
#|   args int
#| function main bound=8 order=1
        .text
        .type f,@function
f:
        mov rax, rdi
        ret
        .size f, .-f
        .globl main
        .type main,@function
main:
        call __ktal_helper_fuel
        call f
        ret
        .size main, .-main
