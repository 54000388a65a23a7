# attack: an indirect jump through memory (jmp [rcx])
# expect: encoding.indirect-branch
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        lea rcx, [rip + buf]
        jmp qword ptr [rcx]
        .size main, .-main
        .bss
buf: .zero 64
