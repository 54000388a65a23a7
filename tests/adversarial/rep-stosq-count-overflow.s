# attack: rep stosq with a count whose byte size overflows 64 bits
# expect: memory.rep-count
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        lea rdi, [rip + buf]
        mov rcx, qword ptr [rip + buf]
        shr rcx, 1
        xor eax, eax
        rep stosq
        ret
        .size main, .-main
        .bss
buf: .zero 64
