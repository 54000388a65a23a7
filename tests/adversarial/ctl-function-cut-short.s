# attack: the certificate's function ends before the code does, leaving a ret uncertified
# expect: text.padding
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main size=3 bound=0
        .text
        .globl main
        .type main,@function
main:
        xor eax, eax
        ret
        ret
        .size main, .-main
