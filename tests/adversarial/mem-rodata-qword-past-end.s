# attack: a qword read through a rodata pointer far past the end of the image
# (reads from rodata may run on into the sandbox, which is mapped readable
# right after it; past the image's end nothing is mapped)
# expect: memory.bounds
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        lea rax, [rip + ro]
        mov rax, qword ptr [rax + 0x200000]
        ret
        .size main, .-main
        .section .rodata
ro: .zero 16
ro_end:
