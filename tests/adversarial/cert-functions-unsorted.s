# attack: the function table out of address order (the second entry is lowered below the first)
# expect: cert.malformed
# problem: functions must be sorted, disjoint, non-empty and inside the text
# mutate: cert-byte -9 160
# mutate: cert-byte -8 3
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0 order=0
#| function g bound=0 order=1
        .text
        .globl main
        .type main,@function
main:
        ret
        .size main, .-main
        .type g,@function
g:
        ret
        .size g, .-g
