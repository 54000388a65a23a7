# attack: compare rsp with a guess
# expect: leak.stack-pointer
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        mov rax, qword ptr [rip + buf]
        cmp rax, rsp
        setb byte ptr [rip + buf]
        ret
        .size main, .-main
        .bss
buf: .zero 16
