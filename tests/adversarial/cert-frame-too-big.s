# attack: a frame of 128 KiB (above the 64 KiB maximum)
# expect: cert.malformed
# problem: function frame, bound or order out of range
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main frame=131072 bound=131072
        .text
        .globl main
        .type main,@function
main:
        ret
        .size main, .-main
