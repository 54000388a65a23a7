# attack: mutual recursion: helper f calls main, which calls f (a call cycle through the certified order)
# expect: call.order
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function f bound=4096 order=0
#| function main bound=4096 order=1
        .text
        .type f,@function
f:
        call main
        ret
        .size f, .-f
        .globl main
        .type main,@function
main:
        call f
        ret
        .size main, .-main
