# attack: add 0 to the caller's r15 and keep the result
# expect: leak.opaque
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        mov rax, r15
        add rax, 0
        mov qword ptr [rip + buf], rax
        ret
        .size main, .-main
        .bss
buf: .zero 16
