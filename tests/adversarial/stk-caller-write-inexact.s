# attack: a store whose stack offset range reaches above the frame
# expect: stack.frame
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
        and ecx, 24
        mov qword ptr [rsp + rcx], 0
        add rsp, 16
        ret
        .size main, .-main
        .bss
buf: .zero 8
