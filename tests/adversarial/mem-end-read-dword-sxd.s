# attack: off by one at the end of the sandbox: a 4-byte movsxd load at size-3
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
        mov rcx, offset __ktal_sandbox_size - 3
        movsxd rdx, dword ptr [rax + rcx]
        mov qword ptr [rax], rdx
        ret
        .size main, .-main
