# attack: a pointer pushed far out of its region is clamped to offsets [-2^48, 2^48]; subtracting its base then yields a bounded integer although the real distance is any 64-bit value, which then indexes megabytes past the sandbox
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
        lea rdx, [rip + buf]
        mov rcx, qword ptr [rdx]
        lea rax, [rdx + rcx]
        sub rax, rdx
        sar rax, 40
        add rax, 300
        mov byte ptr [rdx + rax], 0
        ret
        .size main, .-main
        .bss
buf: .zero 1024
