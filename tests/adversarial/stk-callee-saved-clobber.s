# attack: return with rbx changed: the kernel caller keeps a pointer in rbx
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
        mov ebx, 1
        ret
        .size main, .-main
