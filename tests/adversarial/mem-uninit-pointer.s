# attack: store through rdi, never written in main (stale kernel register)
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
        mov byte ptr [rdi], 0
        ret
        .size main, .-main
