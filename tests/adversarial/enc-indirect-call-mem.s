# attack: an indirect call through a pointer in the sandbox (call [rip+buf])
# expect: encoding.indirect-branch
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=8
        .text
        .globl main
        .type main,@function
main:
        call qword ptr [rip + buf]
        ret
        .size main, .-main
        .bss
buf: .zero 64
