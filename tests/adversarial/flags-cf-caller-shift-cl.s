# attack: after inc (CF still the caller's) a shift by cl may shift by 0 and leave CF alone, yet the shift marks the flags as the program's
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
        mov ecx, dword ptr [rip + buf]
        mov eax, 1
        inc eax
        shl eax, cl
        setb al
        mov byte ptr [rip + buf], al
        ret
        .size main, .-main
        .bss
buf: .zero 128
