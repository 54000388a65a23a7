# attack: compare the return address against a guess, one bit of KASLR at a time
# expect: leak.opaque
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        mov rax, qword ptr [rsp]
        mov rcx, qword ptr [rip + buf]
        cmp rax, rcx
        setb byte ptr [rip + buf]
        ret
        .size main, .-main
        .bss
buf: .zero 16
