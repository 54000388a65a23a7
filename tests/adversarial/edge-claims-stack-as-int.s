# attack: a block claims a register holding a stack address is a plain integer
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
        mov rax, rsp
blk:
        mov qword ptr [rip + buf], rax
        ret
        .size main, .-main
        .bss
buf: .zero 64
