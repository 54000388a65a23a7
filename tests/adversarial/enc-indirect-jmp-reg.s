# attack: an indirect jump through a register (jmp rax)
# expect: encoding.indirect-branch
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
        jmp rax
        .size main, .-main
        .bss
buf: .zero 64
