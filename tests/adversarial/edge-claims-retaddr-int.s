# attack: a block claims the return address copy in rax is an integer
# expect: cert.edge-state
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
#|   block @blk: rsp=stack[0] saved rax=int
        .text
        .globl main
        .type main,@function
main:
        mov rax, qword ptr [rsp]
blk:
        mov qword ptr [rip + buf], rax
        ret
        .size main, .-main
        .bss
buf: .zero 64
