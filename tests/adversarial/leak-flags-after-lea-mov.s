# attack: lea and mov set no flags
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
        lea rax, [rip + buf]
        mov ecx, 3
        cmovs ecx, eax
        mov dword ptr [rip + buf], ecx
        ret
        .size main, .-main
        .bss
buf: .zero 16
