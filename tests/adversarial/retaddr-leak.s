# attack: read the return address (a kernel text pointer) as data and hand it back as the exit status, defeating KASLR
# expect: leak.opaque
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=8
#|   result int
        .text
        .globl main
        .type main,@function
main:
        mov rax, qword ptr [rsp]
        add rax, 1
        ret
        .size main, .-main
