# attack: a block claims the flags were set by the program, at function entry (they are the caller's)
# expect: cert.edge-state
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
#|   block @blk: rsp=stack[0] saved flags
        .text
        .globl main
        .type main,@function
main:
blk:
        sete byte ptr [rip + buf]
        ret
        .size main, .-main
        .bss
buf: .zero 64
