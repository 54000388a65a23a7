# attack: the certificate moves the sandbox up a page and calls the image's first sandbox page rodata
# expect: cert.layout
# problem: the certificate describes a different layout than the image has
#| ktal-cert 1
#| layout image=0x11000 helpers=0/26 text=0x1a0/0x4 rodata=0x1000/0x1000 sandbox=0x2000/0xf000
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        ret
        .size main, .-main
