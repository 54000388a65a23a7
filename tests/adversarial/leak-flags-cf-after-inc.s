# attack: inc sets ZF but keeps the caller's CF; jb reads it
# expect: leak.flags
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        mov eax, 1
        inc eax
        jb out
        mov byte ptr [rip + buf], 1
out:
        ret
        .size main, .-main
        .bss
buf: .zero 16
