# attack: rodata not on a page boundary (W^X cannot separate it from text)
# expect: cert.malformed
# problem: layout: rodata and sandbox must start on pages (W^X)
#| ktal-cert 1
#| layout image=0x11000 helpers=0/26 text=0x1a0/0x4 rodata=0x800/0 sandbox=0x1000/0x10000
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        ret
        .size main, .-main
