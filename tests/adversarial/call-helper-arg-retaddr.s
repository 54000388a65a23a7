# attack: hand the return address (a kernel text pointer) to write() as its length
# expect: leak.opaque
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=8
        .text
        .globl main
        .type main,@function
main:
        mov edi, 1
        lea rsi, [rip + buf]
        mov rdx, qword ptr [rsp]
        call __ktal_helper_write
        ret
        .size main, .-main
        .bss
buf: .zero 8
