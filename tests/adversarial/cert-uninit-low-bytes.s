# attack: an uninit value claiming 8 written low bytes (all of them: then it is not uninit)
# expect: cert.malformed
# problem: uninit value with more than 7 written bytes
# mutate: cert-byte -6 64
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
