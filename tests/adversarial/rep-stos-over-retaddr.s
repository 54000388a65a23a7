# attack: rep stosq over the frame and the return address
# expect: stack.return-address
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
        mov rdi, rsp
        mov ecx, 2
        xor eax, eax
        rep stosq
        pop rbx
        ret
        .size main, .-main
