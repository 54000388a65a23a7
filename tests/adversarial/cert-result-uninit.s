# attack: a function whose result is certified as nothing at all (uninit,
# no byte of data), so that it may return anything in rax
# expect: cert.malformed
# problem: a result must be an int, a sandbox/rodata pointer, or its low bytes
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function f bound=0 order=0
#|   result uninit
#| function main bound=0 order=1
        .text
        .type f,@function
f:
        mov rax, rbx
        ret
        .size f, .-f
        .globl main
        .type main,@function
main:
        ret
        .size main, .-main
