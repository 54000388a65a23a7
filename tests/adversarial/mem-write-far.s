# attack: write 1 GiB past a sandbox pointer
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
        lea rax, [rip + buf]
        mov byte ptr [rax + 0x40000000], 0
        ret
        .size main, .-main
        .bss
buf: .zero 8
