# attack: a 16-bit movzx (66 0f b6): an operand-size prefix the form does not allow
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
        movzx ax, byte ptr [rip + buf]
        ret
        .size main, .-main
        .bss
buf: .zero 64
