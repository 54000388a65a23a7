# attack: index * 8 overflows 64 bits: a huge index wraps around to any address
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
        mov rax, qword ptr [rip + buf]
        shr rax, 3
        mov qword ptr [rcx + rax*8], 0
        ret
        .size main, .-main
        .bss
buf: .zero 64
