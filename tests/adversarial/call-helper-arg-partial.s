# attack: a helper argument whose upper bytes were never written (mov di, 1 leaves 6 stale bytes)
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
        mov di, 1
        call __ktal_helper_exit
        .size main, .-main
