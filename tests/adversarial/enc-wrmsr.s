# attack: overwrite a model-specific register (wrmsr to LSTAR hijacks syscalls)
# expect: encoding.forbidden-opcode
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        mov ecx, 0xc0000082
        xor eax, eax
        xor edx, edx
        wrmsr
        ret
        .size main, .-main
        .bss
buf: .zero 64
