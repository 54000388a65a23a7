# attack: not sets no flags: je still reads the caller's ZF
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
        not eax
        je out
        mov byte ptr [rip + buf], 1
out:
        ret
        .size main, .-main
        .bss
buf: .zero 16
