# attack: a backward jump to a certified block that starts inside an earlier instruction's immediate
# expect: cert.block-mid-instruction
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=8
#|   block @mid: rsp=stack[0] saved
        .text
        .globl main
        .type main,@function
main:
top:
        .byte 0xb8
mid:
        .byte 0x48, 0x31, 0xc0, 0xc3
        call __ktal_helper_fuel
        jmp mid
        .size main, .-main
