# attack: a function promises a result but returns with rax never written
# expect: ret.result
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function f bound=0 order=0
#|   result int
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
