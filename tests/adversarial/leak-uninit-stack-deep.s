# attack: a large frame read far below the data the program wrote
# expect: leak.uninitialised
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main frame=256 bound=256
        .text
        .globl main
        .type main,@function
main:
        sub rsp, 256
        mov qword ptr [rsp + 248], 0
        mov rax, qword ptr [rsp + 8]
        mov qword ptr [rip + buf], rax
        add rsp, 256
        ret
        .size main, .-main
        .bss
buf: .zero 16
