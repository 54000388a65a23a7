# ring 0: the entry function returns 5 instead of calling exit.
# expect: accept
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
#|   result int
        .text
        .globl main
        .type main,@function
main:
        mov eax, 5
        ret
        .size main, .-main
