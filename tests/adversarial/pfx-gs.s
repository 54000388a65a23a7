# attack: a gs segment override (gs:[0x28] is the kernel's per-CPU area)
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
        mov rax, qword ptr gs:[0x28]
        ret
        .size main, .-main
        .bss
buf: .zero 64
