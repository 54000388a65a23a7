# attack: rol/ror change only CF and OF: ZF is still the caller's (kernel's) and je branches on it
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
        mov eax, 1
        rol eax, 1
        je zero
        mov byte ptr [rip + buf], 1
zero:
        ret
        .size main, .-main
        .bss
buf: .zero 128
