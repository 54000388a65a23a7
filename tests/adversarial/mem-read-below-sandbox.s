# attack: read the byte just below the fuel word's page, which lies just below the sandbox (the end of the rodata/text page)
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
        movzx ecx, byte ptr [rax - 0x1001]
        mov dword ptr [rax], ecx
        ret
        .size main, .-main
