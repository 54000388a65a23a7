# attack: push r12, clobber it, then drop the saved copy without popping it
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
        push r12
        xor r12d, r12d
        add rsp, 8
        ret
        .size main, .-main
