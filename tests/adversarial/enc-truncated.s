# attack: the certificate ends the function in the middle of its last instruction (mov eax, imm32 cut after 3 bytes)
# expect: encoding.truncated
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main size=3 bound=0
        .text
        .globl main
        .type main,@function
main:
        mov eax, 1
        ret
        .size main, .-main
