# attack: restore r15 from a slot that held r14
# expect: ret.callee-saved
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main frame=8 bound=8
        .text
        .globl main
        .type main,@function
main:
        push r14
        pop r15
        ret
        .size main, .-main
