# attack: an index with no base register ([rax*8 + disp]) is an absolute address
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
        mov eax, dword ptr [rip + buf]
        and eax, 7
        mov rcx, qword ptr [rax*8 + 0x1000]
        mov qword ptr [rip + buf], rcx
        ret
        .size main, .-main
        .bss
buf: .zero 8
