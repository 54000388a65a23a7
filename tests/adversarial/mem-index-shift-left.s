# attack: a shift that overflows the index (shl by 60)
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
        lea rcx, [rip + buf]
        movzx eax, byte ptr [rip + buf]
        shl rax, 60
        mov byte ptr [rcx + rax], 0
        ret
        .size main, .-main
        .bss
buf: .zero 64
