# attack: a call to an address inside main that is not a function entry
# expect: call.target
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=8
        .text
        .globl main
        .type main,@function
main:
        call inside
        ret
inside:
        ret
        .size main, .-main
