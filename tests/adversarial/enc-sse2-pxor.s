# attack: SSE2 with a 66 prefix (pxor xmm0, xmm0)
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
        pxor xmm0, xmm0
        ret
        .size main, .-main
        .bss
buf: .zero 64
