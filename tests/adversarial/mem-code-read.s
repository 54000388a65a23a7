# attack: read the code's bytes (a kernel text address source if relocated)
# expect: memory.code-address
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        movzx eax, byte ptr [rip + main + 1]
        mov dword ptr [rip + buf], eax
        ret
        .size main, .-main
        .bss
buf: .zero 8
