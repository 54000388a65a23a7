# attack: rep stosd: the count is in dwords, so 16 dwords from 60 bytes before the end run 4 bytes past it
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
        lea rdi, [rip + __ktal_image_end - 60]
        mov ecx, 16
        xor eax, eax
        rep stosd
        ret
        .size main, .-main
