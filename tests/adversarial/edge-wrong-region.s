# attack: a block claims rdx points into the sandbox, but it points into rodata (so stores through it would pass)
# expect: cert.edge-state
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
#|   block @blk: rsp=stack[0] saved rdx=sandbox[0,0]
        .text
        .globl main
        .type main,@function
main:
        lea rdx, [rip + ro]
        jmp blk
blk:
        mov byte ptr [rdx], 1
        ret
        .size main, .-main
        .section .rodata
ro: .zero 16
