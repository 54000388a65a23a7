# attack: a RIP-relative load past the end of the image
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
        mov eax, dword ptr [rip + __ktal_image_end + 64]
        ret
        .size main, .-main
