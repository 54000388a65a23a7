# attack: rep stosb with a count loaded from the sandbox: it can write past the sandbox
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
        xor eax, eax
        rep stosb
        ret
        .size main, .-main
        .bss
buf: .zero 64
