# attack: a function that runs past the end of the text
# expect: cert.malformed
# problem: functions must be sorted, disjoint, non-empty and inside the text
# mutate: cert-byte -7 127
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        ret
        .size main, .-main
