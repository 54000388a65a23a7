# attack: off by one at the end of the sandbox: an 8-byte load at size-7
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
        mov rdx, qword ptr [rax + rcx]
        mov qword ptr [rax], rdx
        ret
        .size main, .-main
