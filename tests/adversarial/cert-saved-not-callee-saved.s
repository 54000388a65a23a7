# attack: a saved:REG value naming rax, which is not callee-saved
# expect: cert.malformed
# problem: saved value of a register that is not callee-saved
# mutate: cert-byte -6 0
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
#|   block @main: rsp=stack[0] rbx=saved:rbx
        .text
        .globl main
        .type main,@function
main:
        ret
        .size main, .-main
