# attack: write() with an uninitialised length register (rdx holds stale kernel data)
# expect: leak.uninitialised
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
        call __ktal_helper_write
        ret
        .size main, .-main
        .bss
buf: .zero 8
