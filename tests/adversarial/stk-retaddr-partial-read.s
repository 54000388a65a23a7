# attack: read the low half of the return address as data (a partial access to the return-address slot)
# expect: stack.return-address
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        mov eax, dword ptr [rsp]
        mov dword ptr [rip + buf], eax
        ret
        .size main, .-main
        .bss
buf: .zero 16
