# attack: a 32-bit index computed as i - 1 wraps to 0xffffffff when i = 0
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
        movzx eax, byte ptr [rip + buf]
        sub eax, 1
        mov byte ptr [rcx + rax], 0
        ret
        .size main, .-main
        .bss
buf: .zero 64
