# attack: pass a safe-stack address to read(): the helper would write into the kernel stack and the address itself leaks
# expect: leak.stack-pointer
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main frame=16 bound=24
        .text
        .globl main
        .type main,@function
main:
        sub rsp, 16
        xor edi, edi
        mov rsi, rsp
        mov edx, 16
        call __ktal_helper_read
        add rsp, 16
        ret
        .size main, .-main
