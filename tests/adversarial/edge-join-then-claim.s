# attack: two paths join (rcx = 3 or 9); the block after claims rcx in [0,4]
# expect: cert.edge-state
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
#|   block @blk: rsp=stack[0] saved rcx=int[0,4]
        .text
        .globl main
        .type main,@function
main:
        mov ecx, 3
        mov eax, dword ptr [rip + buf]
        test eax, eax
        je j
        mov ecx, 9
j:
        nop
blk:
        lea rdx, [rip + buf]
        mov byte ptr [rdx + rcx + 59], 0
        ret
        .size main, .-main
        .bss
buf: .zero 64
