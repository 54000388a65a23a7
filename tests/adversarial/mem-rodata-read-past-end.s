# attack: a dword read that straddles the end of the readable window (rodata,
# then the sandbox up to the image's end): the last byte is past the image
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
        lea rcx, [rip + __ktal_image_end]
        sub rcx, rax
        mov eax, dword ptr [rax + rcx - 3]
        ret
        .size main, .-main
        .section .rodata
ro: .zero 16
ro_end:
