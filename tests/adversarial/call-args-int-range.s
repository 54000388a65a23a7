# attack: pass an index outside the callee's certified interval
# expect: call.arguments
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function f bound=0 order=0
#|   args int[0,63]
#| function main bound=8 order=1
        .text
        .type f,@function
f:
        lea rax, [rip + buf]
        mov byte ptr [rax + rdi], 0
        ret
        .size f, .-f
        .globl main
        .type main,@function
main:
        call __ktal_helper_fuel
        mov edi, 100
        call f
        ret
        .size main, .-main
        .bss
buf: .zero 64
