# attack: the last instruction is a call to a helper that returns, so execution continues past the end
# expect: control.fall-through
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=8
        .text
        .globl main
        .type main,@function
main:
        mov edi, 1
        lea rsi, [rip + buf]
        mov edx, 1
        call __ktal_helper_write
        .size main, .-main
        .bss
buf: .zero 8
