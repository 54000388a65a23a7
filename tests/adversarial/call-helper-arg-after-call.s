# attack: reuse an argument register after a helper call clobbered it
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
        call __ktal_helper_close
        call __ktal_helper_close
        ret
        .size main, .-main
