# attack: write 2 GiB below a sandbox pointer (kernel text lies there)
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
        mov byte ptr [rax - 0x80000000], 0
        ret
        .size main, .-main
        .bss
buf: .zero 8
