# attack: the loop head claims rcx in [0,9], but the back edge brings rcx = 10 (the certificate claims more than is true, to bound an index)
# expect: cert.edge-state
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=8
#|   block @top: rsp=stack[0] saved rcx=int[0,9] rdx=sandbox[0]
        .text
        .globl main
        .type main,@function
main:
        xor ecx, ecx
        lea rdx, [rip + buf]
top:
        call __ktal_helper_fuel
        mov byte ptr [rdx + rcx], 0
        inc rcx
        cmp rcx, 11
        jb top
        ret
        .size main, .-main
        .bss
buf: .zero 64
