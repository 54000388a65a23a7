# attack: a function result typed as a safe-stack pointer
# expect: cert.malformed
# problem: a result must be an int, a sandbox/rodata pointer
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function f bound=0 order=0
#|   result stack[0]
#| function main bound=0 order=1
        .text
        .globl main
        .type main,@function
main:
        ret
        .size main, .-main
        .type f,@function
f:
        ret
        .size f, .-f
