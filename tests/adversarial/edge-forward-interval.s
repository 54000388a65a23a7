# attack: a forward jump to a block claiming rcx in [0,5] with rcx = 6
# expect: cert.edge-state
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
#|   block @blk: rsp=stack[0] saved rcx=int[0,5]
        .text
        .globl main
        .type main,@function
main:
        mov ecx, 6
        jmp blk
blk:
        lea rdx, [rip + buf]
        mov byte ptr [rdx + rcx], 0
        ret
        .size main, .-main
        .bss
buf: .zero 64
