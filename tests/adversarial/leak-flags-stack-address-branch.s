# attack: step a safe-stack address and branch on the sign and zero flags it
# leaves (which side of a chosen number it lies on)
# expect: leak.flags
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        mov rdx, qword ptr [rip + buf]
        mov rax, rsp
        sub rax, rdx
        jg 1f
        mov byte ptr [rip + buf + 8], 1
1:
        ret
        .size main, .-main
        .bss
buf: .zero 16
