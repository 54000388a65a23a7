# attack: a block claims every callee-saved register is intact after rbx was clobbered
# expect: cert.edge-state
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
#|   block @blk: rsp=stack[0] saved
        .text
        .globl main
        .type main,@function
main:
        mov ebx, 1
blk:
        ret
        .size main, .-main
