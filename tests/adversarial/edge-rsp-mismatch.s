# attack: a block claims rsp is 8 lower than it is
# expect: cert.edge-state
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main frame=8 bound=8
#|   block @blk: rsp=stack[-8] saved
        .text
        .globl main
        .type main,@function
main:
        jmp blk
blk:
        add rsp, 8
        ret
        .size main, .-main
