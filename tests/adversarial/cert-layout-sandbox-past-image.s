# attack: a sandbox that runs past the end of the image
# expect: cert.malformed
# problem: layout: sandbox runs past the image
#| ktal-cert 1
#| layout image=0x11000 helpers=0/26 text=0x1a0/0x4 rodata=0x1000/0 sandbox=0x1000/0x20000
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        ret
        .size main, .-main
