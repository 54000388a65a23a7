# attack: a shift by cl (possibly 0) at entry may leave the caller's flags
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
        shl eax, cl
        sete byte ptr [rip + buf]
        ret
        .size main, .-main
        .bss
buf: .zero 16
