# attack: take a function's address with lea (a function pointer, then a kernel address leak)
# expect: memory.code-address
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        lea rax, [rip + main]
        mov qword ptr [rip + buf], rax
        ret
        .size main, .-main
        .bss
buf: .zero 8
