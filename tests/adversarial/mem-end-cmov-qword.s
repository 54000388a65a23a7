# attack: off by one at the end of the sandbox: cmov reads its memory operand even when the condition is false: 8 bytes at size-7
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
        mov rcx, offset __ktal_sandbox_size - 7
        xor edx, edx
        cmove rdx, qword ptr [rax + rcx]
        mov qword ptr [rax], rdx
        ret
        .size main, .-main
