# attack: a block claims rax is an integer, but no path wrote it (stale kernel data)
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
        jmp blk
blk:
        mov qword ptr [rip + buf], rax
        ret
        .size main, .-main
        .bss
buf: .zero 64
