# attack: execution runs off the end of the function into whatever follows
# expect: control.fall-through
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
        .size main, .-main
