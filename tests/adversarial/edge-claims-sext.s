# attack: a block claims rdx holds the sign of rax (sext8) without a cqo
# expect: cert.edge-state
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
#|   block @blk: rsp=stack[0] saved rax=int rcx=int[7,7] rdx=int[0,0] sext8
        .text
        .globl main
        .type main,@function
main:
        mov rax, qword ptr [rip + buf]
        mov ecx, 7
        xor edx, edx
blk:
        idiv rcx
        mov qword ptr [rip + buf], rax
        ret
        .size main, .-main
        .bss
buf: .zero 64
