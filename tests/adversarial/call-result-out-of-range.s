# attack: a function returns 11 where its certificate promises int[0,10]
# expect: ret.result
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function f bound=0 order=0
#|   result int[0,10]
#| function main bound=8 order=1
        .text
        .type f,@function
f:
        mov eax, 11
        ret
        .size f, .-f
        .globl main
        .type main,@function
main:
        call f
        ret
        .size main, .-main
