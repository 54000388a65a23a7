# attack: lea rsp, [rsp + rcx] with rcx in [0, 16]
# expect: stack.rsp
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main frame=16 bound=16
        .text
        .globl main
        .type main,@function
main:
        sub rsp, 16
        mov ecx, dword ptr [rip + buf]
        and ecx, 16
        lea rsp, [rsp + rcx]
        ret
        .size main, .-main
        .bss
buf: .zero 8
