# attack: setcc on the flags the fuel helper (kernel code) left behind
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
        xor eax, eax
        call __ktal_helper_fuel
        setp al
        mov byte ptr [rip + buf], al
        ret
        .size main, .-main
        .bss
buf: .zero 16
