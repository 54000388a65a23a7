# attack: adc at entry adds the caller's CF
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
        mov eax, 0
        adc eax, 0
        mov dword ptr [rip + buf], eax
        ret
        .size main, .-main
        .bss
buf: .zero 16
