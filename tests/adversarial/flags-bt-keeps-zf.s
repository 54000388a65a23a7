# attack: bt sets only CF: ZF is still the caller's and sete copies it into the sandbox
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
        bt eax, 0
        sete al
        mov byte ptr [rip + buf], al
        ret
        .size main, .-main
        .bss
buf: .zero 128
