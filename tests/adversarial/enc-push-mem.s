# attack: push a memory operand (ff /6, not in the allow-list)
# expect: encoding.forbidden-opcode
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        push qword ptr [rip + buf]
        add rsp, 8
        ret
        .size main, .-main
        .bss
buf: .zero 64
