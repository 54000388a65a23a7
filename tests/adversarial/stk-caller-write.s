# attack: write into the caller's frame above the return address
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
        mov qword ptr [rsp + 8], 0
        ret
        .size main, .-main
