# attack: read rcx after a helper call (the helper left kernel data in it)
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
        call __ktal_helper_getpid
        mov qword ptr [rip + buf], rcx
        ret
        .size main, .-main
        .bss
buf: .zero 16
