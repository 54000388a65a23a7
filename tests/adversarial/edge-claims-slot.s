# attack: a block claims a stack slot holds an integer that was never written
# expect: cert.edge-state
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main frame=8 bound=8
#|   block @blk: rsp=stack[-8] saved [-8]=int
        .text
        .globl main
        .type main,@function
main:
        sub rsp, 8
blk:
        mov rax, qword ptr [rsp]
        mov qword ptr [rip + buf], rax
        add rsp, 8
        ret
        .size main, .-main
        .bss
buf: .zero 64
