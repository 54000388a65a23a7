# attack: branch on the flags at entry (the caller's: kernel state)
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
        je out
        mov byte ptr [rip + buf], 1
out:
        ret
        .size main, .-main
        .bss
buf: .zero 16
