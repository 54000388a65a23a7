# ring 0: uses its whole 4096-byte stack budget (a 4080-byte frame, written
# at both ends), then writes "deep\n" from the bottom of that frame through
# the write helper: the deepest path a budget-4096 program can take.
# expect: accept
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main frame=4080 bound=4096
        .text
        .globl main
        .type main,@function
main:
        sub rsp, 4080
        mov qword ptr [rsp + 4072], 0
        mov dword ptr [rsp], 0x70656564         # "deep"
        mov byte ptr [rsp + 4], 10
        lea rsi, [rip + msg]
        mov edi, 1
        mov edx, 5
        call __ktal_helper_write
        add rsp, 4080
        xor eax, eax
        ret
        .size main, .-main
        .section .rodata
msg:    .ascii "deep\n"
