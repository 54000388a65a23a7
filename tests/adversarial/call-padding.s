# attack: a call into the int3 padding between functions
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
        call pad
        ret
        .size main, .-main
pad:
        int3
        int3
