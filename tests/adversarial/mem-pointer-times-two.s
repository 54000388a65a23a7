# attack: a sandbox pointer scaled by 2 is no longer a pointer
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
        lea rax, [rip + buf]
        mov byte ptr [rax*2], 0
        ret
        .size main, .-main
        .bss
buf: .zero 8
