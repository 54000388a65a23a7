# attack: branch on the flags a helper left behind
# expect: leak.flags
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=8
        .text
        .globl main
        .type main,@function
main:
        call __ktal_helper_getpid
        jo out
        mov byte ptr [rip + buf], 1
out:
        ret
        .size main, .-main
        .bss
buf: .zero 16
