# attack: push/pop order swapped: rbx and rbp come back exchanged
# expect: ret.callee-saved
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main frame=16 bound=16
        .text
        .globl main
        .type main,@function
main:
        push rbx
        push rbp
        pop rbx
        pop rbp
        ret
        .size main, .-main
