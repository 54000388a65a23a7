# attack: read r11 after the fuel helper (it clobbers r11)
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
        mov r11d, 1
        call __ktal_helper_fuel
        mov qword ptr [rip + buf], r11
        ret
        .size main, .-main
        .bss
buf: .zero 16
