# attack: a block claims a slot holds data while it holds the caller's rbx
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
        push rbx
blk:
        mov eax, dword ptr [rsp]
        mov dword ptr [rip + buf], eax
        pop rbx
        ret
        .size main, .-main
        .bss
buf: .zero 64
