# attack: AVX-512 (EVEX-encoded vpxord zmm0)
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
        vpxord zmm0, zmm0, zmm0
        ret
        .size main, .-main
        .bss
buf: .zero 64
