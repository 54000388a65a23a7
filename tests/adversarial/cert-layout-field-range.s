# attack: a layout field above 2^40
# expect: cert.malformed
# problem: layout field out of range
#| ktal-cert 1
#| layout image=0x20000000000 helpers=0/26 text=0x1a0/0x4 rodata=0x1000/0 sandbox=0x1000/0x10000
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        ret
        .size main, .-main
