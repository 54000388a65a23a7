# attack: the certificate declares fewer helper slots than the image has
# expect: cert.layout
# problem: the certificate describes a different layout than the image has
#| ktal-cert 1
#| layout image=0x11000 helpers=0/4 text=0x1a0/0x4 rodata=0x1000/0 sandbox=0x1000/0x10000
#| helpers exit fuel trap read
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        ret
        .size main, .-main
