# attack: read the byte just past the end of the sandbox
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
        mov rcx, offset __ktal_sandbox_size
        movzx edx, byte ptr [rax + rcx]
        mov dword ptr [rax], edx
        ret
        .size main, .-main
