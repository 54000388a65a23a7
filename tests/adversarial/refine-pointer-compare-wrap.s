# attack: a sandbox pointer plus up to 2^39 wraps past 2^64 (the image lives near the top of the address space), yet an unsigned compare with an in-bounds pointer is trusted as a compare of offsets
# expect: memory.bounds
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        lea rcx, [rip + buf]
        mov rax, qword ptr [rcx]
        shr rax, 25
        add rax, rcx
        lea rdx, [rcx + 64]
        cmp rax, rdx
        jae out
        mov byte ptr [rax], 0
out:
        ret
        .size main, .-main
        .bss
buf: .zero 128
