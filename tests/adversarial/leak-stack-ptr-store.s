# attack: store rsp (a kernel stack address) into the sandbox
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
        mov qword ptr [rip + buf], rsp
        ret
        .size main, .-main
        .bss
buf: .zero 16
