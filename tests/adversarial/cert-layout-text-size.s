# attack: the certificate's text is shorter than the image's (the tail would run unchecked)
# expect: cert.layout
# problem: the certificate's text size differs from the image's
#| ktal-cert 1
#| layout image=0x11000 helpers=0/26 text=0x1a0/0x2 rodata=0x1000/0 sandbox=0x1000/0x10000
#| helpers auto
#| entry main
#| function main size=1 bound=0
        .text
        .globl main
        .type main,@function
main:
        ret
        .size main, .-main
