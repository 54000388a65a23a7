# attack: store the caller's rbx (kernel data) into the sandbox
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
        mov qword ptr [rip + buf], rbx
        ret
        .size main, .-main
        .bss
buf: .zero 16
