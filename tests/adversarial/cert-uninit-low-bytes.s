# attack: an uninit value claiming 3 written low bytes
# expect: cert.malformed
# mutate: cert-byte -4 24
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
#|   block @main: rsp=stack[0] rax=uninit:1
        .text
        .globl main
        .type main,@function
main:
        ret
        .size main, .-main
