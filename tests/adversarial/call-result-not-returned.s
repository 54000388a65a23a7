# attack: use a callee's rax after a call to a function that certifies no result
# expect: leak.uninitialised
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function f bound=0 order=0
#| function main bound=8 order=1
        .text
        .type f,@function
f:
        mov eax, 1
        ret
        .size f, .-f
        .globl main
        .type main,@function
main:
        call __ktal_helper_fuel
        call f
        mov dword ptr [rip + buf], eax
        ret
        .size main, .-main
        .bss
buf: .zero 8
