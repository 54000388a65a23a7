# attack: rodata that overlaps the text (a writable-or-readable alias of code)
# expect: cert.malformed
# problem: layout: rodata overlaps text
#| ktal-cert 1
#| layout image=0x11000 helpers=0/26 text=0x1a0/0x1000 rodata=0x1000/0 sandbox=0x2000/0xf000
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        ret
        .size main, .-main
