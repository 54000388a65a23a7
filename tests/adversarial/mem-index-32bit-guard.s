# attack: the index is checked with a 32-bit compare but used as 64 bits (upper half unchecked)
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
        mov rdi, qword ptr [rip + buf]
        cmp edi, 64
        jae out
        mov byte ptr [rcx + rdi], 0
out:
        ret
        .size main, .-main
        .bss
buf: .zero 64
