# attack: a block claims a pointer's offset is [0,10] where it may be [0,63]
# expect: cert.edge-state
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
#|   block @blk: rsp=stack[0] saved rdx=sandbox[0,10]
        .text
        .globl main
        .type main,@function
main:
        lea rdx, [rip + buf]
        movzx eax, byte ptr [rdx]
        and eax, 63
        add rdx, rax
blk:
        mov byte ptr [rdx + 53], 0
        ret
        .size main, .-main
        .bss
buf: .zero 64
