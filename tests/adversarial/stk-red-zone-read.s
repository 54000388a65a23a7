# attack: read below rsp, where an interrupt may have left kernel data
# expect: stack.frame
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main frame=16 bound=16
        .text
        .globl main
        .type main,@function
main:
        mov rax, qword ptr [rsp - 8]
        mov qword ptr [rip + buf], rax
        ret
        .size main, .-main
        .bss
buf: .zero 8
