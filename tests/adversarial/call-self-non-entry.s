# attack: a non-entry function that calls itself
# expect: call.order
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function f bound=4000 order=0
#| function main bound=4008 order=1
        .text
        .type f,@function
f:
        call f
        ret
        .size f, .-f
        .globl main
        .type main,@function
main:
        call f
        ret
        .size main, .-main
