# attack: write below rsp (the red zone does not exist in ring 0: an interrupt overwrites it)
# expect: stack.frame
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        mov qword ptr [rsp - 8], 1
        ret
        .size main, .-main
