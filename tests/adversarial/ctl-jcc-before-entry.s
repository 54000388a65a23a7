# attack: a conditional jump to just before the function's entry
# expect: control.target-outside-function
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        int3
        .globl main
        .type main,@function
main:
        mov eax, dword ptr [rip + buf]
        test eax, eax
        jne main - 1
        ret
        .size main, .-main
        .bss
buf: .zero 8
