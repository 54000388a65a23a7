# attack: a jump (not a call) into another function's body, skipping its entry checks
# expect: control.target-outside-function
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function other bound=0
#| function main bound=0
        .text
        .type other,@function
other:
        mov eax, 1
other_mid:
        ret
        .size other, .-other
        .globl main
        .type main,@function
main:
        jmp other_mid
        .size main, .-main
