# attack: an absolute address (a fixed kernel address) as a memory operand
# expect: memory.not-a-pointer
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        mov rax, qword ptr [0x10000]
        ret
        .size main, .-main
