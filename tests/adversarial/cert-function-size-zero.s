# attack: a function of size 0
# expect: cert.malformed
# problem: functions must be sorted, disjoint, non-empty and inside the text
# mutate: cert-byte -7 0
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
