# attack: 0f 1f c0 (a register-form long nop): the CPU runs a 3-byte nop, Capstone 4 cannot decode it, so the two decoders disagree
# expect: encoding.decoder-disagrees
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        .byte 0x0f, 0x1f, 0xc0
        ret
        .size main, .-main
