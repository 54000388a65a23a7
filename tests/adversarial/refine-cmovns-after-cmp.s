# attack: cmovns after `cmp rax, rdx` treated as rax >= rdx: with overflow SF=0 although rax < rdx, so the selected index escapes its bound
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
        mov edx, 8
        mov esi, 0
        cmp rax, rdx
        cmovns rsi, rax
        cmp rsi, 100
        jg out
        mov byte ptr [rcx + rsi], 0
out:
        ret
        .size main, .-main
        .bss
buf: .zero 128
