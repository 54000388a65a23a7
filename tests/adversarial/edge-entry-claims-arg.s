# attack: a block at the entry claims rdi is an integer (the entry function gets nothing in rdi)
# expect: cert.edge-state
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
#|   block @main: rsp=stack[0] saved rdi=int
        .text
        .globl main
        .type main,@function
main:
        mov qword ptr [rip + buf], rdi
        ret
        .size main, .-main
        .bss
buf: .zero 64
