# attack: an address-size prefix (67): [ecx] truncates the pointer to 32 bits
# expect: encoding.forbidden-prefix
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        lea rcx, [rip + buf]
        mov eax, dword ptr [ecx]
        ret
        .size main, .-main
        .bss
buf: .zero 64
