# attack: use an uninitialised register as an index into the sandbox
# expect: leak.uninitialised
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        lea rax, [rip + buf]
        mov byte ptr [rax + rsi], 0
        ret
        .size main, .-main
        .bss
buf: .zero 16
