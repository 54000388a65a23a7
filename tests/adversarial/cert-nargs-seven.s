# attack: a function with 7 register arguments (only 6 exist)
# expect: cert.malformed
# problem: more than 6 arguments
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
#|   args int int int int int int int
        .text
        .globl main
        .type main,@function
main:
        ret
        .size main, .-main
