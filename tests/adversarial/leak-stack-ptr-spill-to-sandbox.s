# attack: spill a stack pointer to the stack, then copy the slot to the sandbox as two dwords
# expect: leak.stack-pointer
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main frame=8 bound=8
        .text
        .globl main
        .type main,@function
main:
        lea rax, [rsp]
        push rax
        mov ecx, dword ptr [rsp]
        mov dword ptr [rip + buf], ecx
        pop rax
        ret
        .size main, .-main
        .bss
buf: .zero 16
