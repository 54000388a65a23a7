# attack: rep stosb with an exact count that runs 1 byte past the sandbox
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
        lea rdi, [rip + __ktal_sandbox_start]
        mov rcx, offset __ktal_sandbox_size + 1
        xor eax, eax
        rep stosb
        ret
        .size main, .-main
