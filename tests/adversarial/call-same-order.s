# attack: two functions certified at the same call-order position call each other's level (a cycle the order cannot rule out)
# expect: call.order
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function f bound=0 order=1
#| function main bound=8 order=1
        .text
        .type f,@function
f:
        ret
        .size f, .-f
        .globl main
        .type main,@function
main:
        call f
        ret
        .size main, .-main
