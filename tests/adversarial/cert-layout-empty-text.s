# attack: a layout with no text
# expect: cert.malformed
# problem: layout: empty text
#| ktal-cert 1
#| layout image=0x11000 helpers=0/26 text=0x1a0/0 rodata=0x1000/0 sandbox=0x1000/0x10000
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        ret
        .size main, .-main
