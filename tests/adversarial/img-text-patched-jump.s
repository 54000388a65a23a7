# attack: the text is patched after certification so a jump's displacement points into the middle of an instruction
# expect: control.target-mid-instruction
# mutate: text-byte 1 1
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        jmp next
next:
        mov eax, 0xc3c3c3c3
        ret
        .size main, .-main
