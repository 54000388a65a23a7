# attack: a certified block placed in the middle of an instruction, so a later jump there looks legal
# expect: cert.block-mid-instruction
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
#|   block @mid: rsp=stack[0] saved
        .text
        .globl main
        .type main,@function
main:
        .byte 0xb8
mid:
        .byte 0x31, 0xc0, 0xc3, 0x90
        ret
        .size main, .-main
