# attack: an unwritten stack byte (stale kernel data) as the 8-bit mul's
# source, the product stored in the sandbox
# expect: leak.uninitialised
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main frame=8 bound=16
        .text
        .globl main
        .type main,@function
main:
        sub rsp, 8
        mov eax, 1
        mul byte ptr [rsp + 3]
        mov word ptr [rip + buf], ax
        add rsp, 8
        ret
        .size main, .-main
        .bss
buf: .zero 16
