# attack: branch on the caller's rbp
# expect: leak.opaque
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        test rbp, rbp
        sete byte ptr [rip + buf]
        ret
        .size main, .-main
        .bss
buf: .zero 16
