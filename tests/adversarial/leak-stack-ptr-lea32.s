# attack: lea into a 32-bit register from rsp
# expect: leak.stack-pointer
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        lea eax, [rsp + 8]
        mov dword ptr [rip + buf], eax
        ret
        .size main, .-main
        .bss
buf: .zero 16
