# attack: a mask whose bits reach past the bytes written: `and ecx, 0x1ff`
# after `mov cl, 7` keeps bit 8 of the stale second byte (a mask within the
# written bytes gives data; this one does not)
# expect: leak.uninitialised
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        mov cl, 7
        and ecx, 0x1ff
        mov dword ptr [rip + buf], ecx
        ret
        .size main, .-main
        .bss
buf: .zero 16
