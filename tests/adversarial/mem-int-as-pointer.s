# attack: an integer constant (the direct map) used as a pointer
# expect: memory.not-a-pointer
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        movabs rax, 0xffff888000000000
        mov qword ptr [rax], 0
        ret
        .size main, .-main
