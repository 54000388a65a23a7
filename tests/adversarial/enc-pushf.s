# attack: read the flags register (pushf: IF and the caller's flags)
# expect: encoding.forbidden-opcode
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main frame=8 bound=8
        .text
        .globl main
        .type main,@function
main:
        pushfq
        add rsp, 8
        ret
        .size main, .-main
        .bss
buf: .zero 64
