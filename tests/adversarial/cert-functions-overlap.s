# attack: two functions that overlap (one's code is checked twice, with two different types)
# expect: cert.malformed
# problem: functions must be sorted, disjoint, non-empty and inside the text
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main entry=@main size=6 bound=0
#| function g entry=@inner size=3 bound=0
        .text
        .globl main
        .type main,@function
main:
        xor eax, eax
inner:
        xor eax, eax
        ret
        .size main, .-main
