# attack: an indirect call through a register (call rax) to any kernel address
# expect: encoding.indirect-branch
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=8
        .text
        .globl main
        .type main,@function
main:
        lea rax, [rip + buf]
        call rax
        ret
        .size main, .-main
        .bss
buf: .zero 64
