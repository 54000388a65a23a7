# attack: multiply the caller's rbx by 1 with the 8-bit mul (ax = al * cl)
# and store the product: rbx's low byte, then the next one, and so on
# expect: leak.opaque
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        mov eax, ebx
        mov ecx, 1
        mul cl
        mov byte ptr [rip + buf], al
        ret
        .size main, .-main
        .bss
buf: .zero 16
