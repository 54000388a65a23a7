# attack: pass a plain integer where the callee's certificate expects a sandbox pointer
# expect: call.arguments
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function f bound=0 order=0
#|   args sandbox[0,63]
#| function main bound=8 order=1
        .text
        .type f,@function
f:
        mov byte ptr [rdi], 0
        ret
        .size f, .-f
        .globl main
        .type main,@function
main:
        call __ktal_helper_fuel
        mov edi, 4096
        call f
        ret
        .size main, .-main
        .bss
buf: .zero 64
