# attack: a shift by 0 leaves the flags alone
# expect: leak.flags
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        mov eax, 1
        shl eax, 0
        sete byte ptr [rip + buf]
        ret
        .size main, .-main
        .bss
buf: .zero 16
