# attack: rep movs from the stack copies a spilled callee-saved register (kernel data) into the sandbox
# expect: leak.opaque
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main frame=8 bound=8
        .text
        .globl main
        .type main,@function
main:
        push rbx
        mov rsi, rsp
        lea rdi, [rip + buf]
        mov ecx, 8
        rep movsb
        pop rbx
        ret
        .size main, .-main
        .bss
buf: .zero 16
