# attack: a block claims rax <= rcx to justify an access, with no comparison behind it
# expect: cert.edge-state
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
#|   block @blk: rsp=stack[0] saved rax=int[0,0xffffffff] rcx=int[8,8] rax<=rcx
        .text
        .globl main
        .type main,@function
main:
        mov eax, dword ptr [rip + buf]
        mov ecx, 8
blk:
        lea rdx, [rip + buf]
        mov byte ptr [rdx + rax], 0
        ret
        .size main, .-main
        .bss
buf: .zero 64
