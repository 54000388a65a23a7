# attack: js after `cmp eax, 4` is refined as eax < 4, but SF ignores overflow: eax = INT32_MIN passes both guards and indexes 2 GiB below the sandbox
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
        movsxd rax, dword ptr [rcx]
        cmp eax, 4
        js out
        cmp eax, 100
        jg out
        mov byte ptr [rcx + rax], 0
out:
        ret
        .size main, .-main
        .bss
buf: .zero 128
