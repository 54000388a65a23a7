# attack: AVX (VEX-encoded vpxor ymm0): corrupts the interrupted task's ymm state
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
        vpxor ymm0, ymm0, ymm0
        ret
        .size main, .-main
        .bss
buf: .zero 64
