# attack: helper slots that do not start the image
# expect: cert.malformed
# problem: layout: helper slots must start the image
#| ktal-cert 1
#| layout image=0x11000 helpers=0x10/26 text=0x1b0/0x4 rodata=0x1000/0 sandbox=0x1000/0x10000
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        ret
        .size main, .-main
