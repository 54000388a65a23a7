# attack: cpuid (serialising, traps under virtualisation; not in the allow-list)
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
        xor eax, eax
        cpuid
        ret
        .size main, .-main
        .bss
buf: .zero 64
