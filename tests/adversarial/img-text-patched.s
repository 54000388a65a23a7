# attack: the text is patched after certification (xor eax, eax becomes cli): the kernel re-verifies the bytes it will run
# expect: encoding.forbidden-opcode
# mutate: text-byte 0 250
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
        ret
        .size main, .-main
