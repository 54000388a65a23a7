# attack: the entry function's result certified as its low byte only, while
# the loader returns its whole eax as the exit status: three stale bytes of
# whatever rax held would leave with it
# expect: cert.entry
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
#|   result uninit:1
        .text
        .globl main
        .type main,@function
main:
        cmp edi, 3
        setae al
        ret
        .size main, .-main
