# attack: setcc at entry copies the caller's ZF into data
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
        sete al
        mov byte ptr [rip + buf], al
        ret
        .size main, .-main
        .bss
buf: .zero 16
