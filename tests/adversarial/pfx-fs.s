# attack: an fs segment override (fs:[0] reaches per-CPU or TLS data)
# expect: encoding.forbidden-prefix
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        mov rax, qword ptr fs:[0]
        ret
        .size main, .-main
        .bss
buf: .zero 64
