# attack: pass a safe-stack address to a certified function
# expect: leak.stack-pointer
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function f bound=0 order=0
#|   args int
#| function main frame=8 bound=16 order=1
        .text
        .type f,@function
f:
        ret
        .size f, .-f
        .globl main
        .type main,@function
main:
        call __ktal_helper_fuel
        push rbx
        mov rdi, rsp
        call f
        pop rbx
        ret
        .size main, .-main
