# attack: add a chosen number to a safe-stack address and keep the carry:
# it says whether the address is above 2^64 minus the number, so 64 runs
# tell the whole kernel stack address (KASLR)
# expect: leak.flags
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        mov rdx, qword ptr [rip + buf]
        lea rax, [rsp + 8]
        add rax, rdx
        setb cl
        mov byte ptr [rip + buf + 8], cl
        ret
        .size main, .-main
        .bss
buf: .zero 16
