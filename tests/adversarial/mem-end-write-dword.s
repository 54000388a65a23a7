# attack: off by one at the end of the sandbox: a 4-byte store at size-3
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
        mov dword ptr [rax + rcx], 0
        ret
        .size main, .-main
