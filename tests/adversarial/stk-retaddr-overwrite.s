# attack: overwrite the return address with a chosen value (return-oriented jump)
# expect: stack.return-address
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        lea rax, [rip + buf]
        mov qword ptr [rsp], rax
        ret
        .size main, .-main
        .bss
buf: .zero 8
