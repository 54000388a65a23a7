# attack: off by one at the end of the sandbox: a 1-byte load at size
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
        mov rcx, offset __ktal_sandbox_size - 0
        movzx edx, byte ptr [rax + rcx]
        mov dword ptr [rax], edx
        ret
        .size main, .-main
