# attack: write the qword just below the sandbox
# expect: memory.bounds
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        lea rax, [rip + __ktal_sandbox_start]
        mov qword ptr [rax - 8], 0
        ret
        .size main, .-main
