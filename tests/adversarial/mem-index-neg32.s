# attack: a 32-bit neg of a small index: -i + 255 looks in range but eax = 2^32 - i is zero-extended
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
        neg eax
        mov byte ptr [rcx + rax + 255], 0
        ret
        .size main, .-main
        .bss
buf: .zero 512
