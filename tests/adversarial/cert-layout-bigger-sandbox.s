# attack: the certificate claims a sandbox 64 KiB larger than the image maps (accesses there hit kernel memory)
# expect: cert.layout
# problem: the certificate describes a different layout than the image has
#| ktal-cert 1
#| layout image=0x21000 helpers=0/26 text=0x1a0/0x4 rodata=0x1000/0 sandbox=0x1000/0x20000
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        ret
        .size main, .-main
