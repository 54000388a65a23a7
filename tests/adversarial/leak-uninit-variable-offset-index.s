# attack: copy 8 bytes from a variable stack offset whose span holds an
# unwritten byte (an unaligned dword store over a slot pair loses one), then
# index a store with the copy: its bounds were taken as [0, 0], and the
# store could land anywhere
# expect: leak.uninitialised
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main frame=48 bound=48
        .text
        .globl main
        .type main,@function
main:
        sub rsp, 48
        mov qword ptr [rsp], 5
        mov qword ptr [rsp + 8], 5
        mov qword ptr [rsp + 16], 5
        mov qword ptr [rsp + 24], 1
        mov edx, dword ptr [rip + buf]
        and edx, 7
        mov ecx, 3
        mov dword ptr [rsp + 11], ecx
        mov rcx, qword ptr [rsp + rdx*2 + 3]
        mov qword ptr [rsp + rcx*8 + 9], rcx
        add rsp, 48
        ret
        .size main, .-main
        .bss
buf: .zero 16
