# attack: repne scasb (F2 prefix, a string scan)
# expect: encoding.forbidden-prefix
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        lea rdi, [rip + buf]
        mov ecx, 8
        xor eax, eax
        repne scasb
        ret
        .size main, .-main
        .bss
buf: .zero 64
