# attack: pop into memory (8f /0, not in the allow-list)
# expect: encoding.forbidden-opcode
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main frame=8 bound=8
        .text
        .globl main
        .type main,@function
main:
        xor eax, eax
        push rax
        pop qword ptr [rip + buf]
        ret
        .size main, .-main
        .bss
buf: .zero 64
