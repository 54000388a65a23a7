# attack: change only the low byte of rbp before returning
# expect: ret.callee-saved
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        mov bpl, 1
        ret
        .size main, .-main
