# attack: a 4-byte slot claimed to hold a 64-bit integer
# expect: cert.malformed
# problem: a 4-byte slot holds an int of 32 bits
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main frame=8 bound=8
#|   block @main: rsp=stack[0] saved [-8]:4=int[0,0x100000000]
        .text
        .globl main
        .type main,@function
main:
        ret
        .size main, .-main
