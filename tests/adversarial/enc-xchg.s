# attack: xchg (an implicit-lock read-modify-write not in the allow-list)
# expect: encoding.forbidden-opcode
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        xchg qword ptr [rip + buf], rax
        ret
        .size main, .-main
        .bss
buf: .zero 64
