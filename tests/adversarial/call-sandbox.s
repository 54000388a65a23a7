# attack: a call into the writable sandbox (code the program can write)
# expect: call.target
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=8
        .text
        .globl main
        .type main,@function
main:
        call buf
        ret
        .size main, .-main
        .bss
buf: .zero 16
